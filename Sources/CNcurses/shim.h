#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* NOTE: SwiftPM does not rebuild Swift files when this header changes (verified): after an
   edit, `touch Sources/PumpTUI/Terminal/CursesBackend.swift` before building. */
/* Swift's importer does not define NCURSES_WIDECHAR, and without it the wide-character API
   (get_wch, cchar_t, addnwstr) stays invisible. No _XOPEN_SOURCE / _DEFAULT_SOURCE here: they
   change glibc's struct definitions (fd_set's fds_bits, signal.h's ucontext) so this module and
   SwiftGlibc/CDispatch disagree on the same type, which breaks a clean build. */
/* Only stateless helpers belong here: every `static` in this header exists once per importing
   translation unit, so state shared with signal handlers lives in the CTerminalGuard target. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>
#include <string.h>

/* Macros that do not import into Swift get static inline twins here. */
static inline attr_t pump_attr_bold(void) { return A_BOLD; }
static inline attr_t pump_attr_reverse(void) { return A_REVERSE; }
static inline attr_t pump_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t pump_attr_dim(void) { return A_DIM; }
static inline attr_t pump_attr_normal(void) { return A_NORMAL; }
static inline int pump_key_f(int n) { return KEY_F(n); }
static inline WINDOW *pump_stdscr(void) { return stdscr; }
/* curscr is a global variable: Swift 6 refuses to touch it directly (shared mutable state). */
static inline WINDOW *pump_curscr(void) { return curscr; }
static inline int pump_colors(void) { return COLORS; }
static inline int pump_color_pairs(void) { return COLOR_PAIRS; }

/* Does terminfo know `term` and give it cursor addressing? Leaves curses state as it was.
   setupterm is told not to print anything (errret non-NULL). */
static inline int pump_terminfo_has_cup(const char *term) {
    TERMINAL *old = cur_term;
    int err = 0;
    if (setupterm(term, -1, &err) != OK) { if (old) set_curterm(old); return 0; }
    const char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (char *)-1;
    TERMINAL *probe = set_curterm(old);
    if (probe && probe != old) del_curterm(probe);
    return ok;
}

/* One cell holding a whole grapheme segment: a spacing character and the n-1 characters that
   join it (combining marks, variation selectors, and in a ZWJ sequence the *spacing* emoji
   after each ZWJ). setcchar accepts only non-spacing characters after the first, so the
   array is filled directly; ncurses sizes the cell by chars[0] and writes out all of them.
   Attributes come from the window (wattr_set), as for waddnwstr. */
static inline int pump_add_cluster(WINDOW *win, const wchar_t *wch, int n) {
    cchar_t cell;
    wchar_t first[2] = { wch[0], 0 };
    if (n < 1 || n > CCHARW_MAX) return ERR;
    memset(&cell, 0, sizeof cell);
    if (setcchar(&cell, first, A_NORMAL, 0, NULL) != OK) return ERR;
    for (int i = 1; i < n; i++) cell.chars[i] = wch[i];
    return wadd_wch(win, &cell);
}
#endif

#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* Swift's importer defines neither of these, and without them the wide-character API
   (get_wch, cchar_t, addnwstr) and wcwidth stay invisible. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>

/* Macros that do not import into Swift get static inline twins here. */
static inline attr_t pump_attr_bold(void) { return A_BOLD; }
static inline attr_t pump_attr_reverse(void) { return A_REVERSE; }
static inline attr_t pump_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t pump_attr_dim(void) { return A_DIM; }
static inline attr_t pump_attr_normal(void) { return A_NORMAL; }
static inline int pump_key_f(int n) { return KEY_F(n); }
static inline WINDOW *pump_stdscr(void) { return stdscr; }
static inline int pump_wcwidth(unsigned int cp) { return wcwidth((wchar_t)cp); }
#endif

#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* NOTE: SwiftPM does not rebuild Swift files when this header changes (verified): after an
   edit, `touch Sources/PumpTUI/Terminal/CursesBackend.swift` before building. */
/* Swift's importer does not define NCURSES_WIDECHAR, and without it the wide-character API
   (get_wch, cchar_t, addnwstr) stays invisible. No _XOPEN_SOURCE / _DEFAULT_SOURCE here: they
   change glibc's struct definitions (fd_set's fds_bits, signal.h's ucontext) so this module and
   SwiftGlibc/CDispatch disagree on the same type, which breaks a clean build. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE (see above); ncurses uses this very function
   for cell widths, so the backend must too. */
extern int wcwidth(wchar_t c);

/* Macros that do not import into Swift get static inline twins here. */
static inline attr_t pump_attr_bold(void) { return A_BOLD; }
static inline attr_t pump_attr_reverse(void) { return A_REVERSE; }
static inline attr_t pump_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t pump_attr_dim(void) { return A_DIM; }
static inline attr_t pump_attr_normal(void) { return A_NORMAL; }
static inline int pump_key_f(int n) { return KEY_F(n); }
static inline WINDOW *pump_stdscr(void) { return stdscr; }
static inline int pump_wcwidth(unsigned int cp) { return wcwidth((wchar_t)cp); }
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

/* ---- Signals. Everything below runs in signal context or prepares state for it, so it is
   plain C with async-signal-safe calls only (write, tcsetattr, signal, raise). This header is
   used by exactly one Swift file (CursesBackend.swift), so these statics exist once. ---- */
struct pump_signal_state {
    volatile sig_atomic_t pending_signal, tty_dead, reset_armed;
    int wake_fd, tty_fd, have_tio;
    size_t reset_len;
    char reset_seq[512];
    struct termios saved_tio;
    struct sigaction stop_old[4];    /* restored when the runtime ends */
    int stop_installed;
};
/* A function-local static: Swift's clang code generation does not emit file-scope aggregate
   statics from a header (undefined references at link time), but it does emit these. */
static inline struct pump_signal_state *pump_sig(void) {
    static struct pump_signal_state state = { 0, 0, 0, -1, -1, 0, 0, {0}, {0}, {{{0}}}, 0 };
    return &state;
}

/* SIGINT/SIGTERM/SIGHUP/SIGQUIT: remember the first one and wake the loop; nothing else. */
static void pump_on_stop_signal(int sig) {
    int saved = errno;
    if (pump_sig()->pending_signal == 0) pump_sig()->pending_signal = sig;
    if (pump_sig()->wake_fd >= 0) { char b = 's'; ssize_t r = write(pump_sig()->wake_fd, &b, 1); (void)r; }
    errno = saved;
}

/* Writes the precomputed reset string and restores the shell's termios (if the terminal is
   alive and curses is active), exactly once. */
static void pump_emergency_reset(void) {
    if (!pump_sig()->reset_armed) return;
    pump_sig()->reset_armed = 0;
    if (pump_sig()->tty_dead || pump_sig()->tty_fd < 0) return;
    if (pump_sig()->reset_len > 0) { ssize_t r = write(pump_sig()->tty_fd, pump_sig()->reset_seq, pump_sig()->reset_len); (void)r; }
    if (pump_sig()->have_tio) tcsetattr(pump_sig()->tty_fd, TCSANOW, &pump_sig()->saved_tio);
}

static const int pump_crash_signals[5] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT };

/* SEGV/BUS/ILL/TRAP/ABRT (Swift traps are SIGILL/SIGTRAP): reset the terminal, then die of the
   same signal with the default action. Not chained to the Swift backtracer on purpose: on a
   tty it turns interactive ("Press space to interact", 30 s) and takes the terminal again. */
static void pump_on_crash_signal(int sig) {
    struct sigaction dfl;
    pump_emergency_reset();
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static void pump_atexit_reset(void) { pump_emergency_reset(); }

/* SIGCONT (fg after Ctrl-Z; ncurses handles the stop itself): the shell turned bracketed paste
   off while it had the terminal, so the loop turns it back on and repaints everything. */
static inline volatile sig_atomic_t *pump_resumed_flag(void) { static volatile sig_atomic_t f = 0; return &f; }
static inline struct sigaction *pump_cont_old(void) { static struct sigaction old; return &old; }
static void pump_on_continue(int sig) {
    int saved = errno;
    (void)sig;
    *pump_resumed_flag() = 1;
    if (pump_sig()->wake_fd >= 0) { char b = 'c'; ssize_t r = write(pump_sig()->wake_fd, &b, 1); (void)r; }
    errno = saved;
}
static inline int pump_take_resumed(void) { int r = *pump_resumed_flag(); *pump_resumed_flag() = 0; return r; }

/* Installed before newterm, so ncurses leaves these signals alone. sa_flags = 0: no SA_RESTART,
   so a blocking poll/read returns EINTR and the loop notices the flag. */
static const int pump_stop_signals[4] = { SIGINT, SIGTERM, SIGQUIT, SIGHUP };

static inline void pump_install_signal_handlers(int wake_fd) {
    static int atexit_done = 0;
    struct sigaction sa;
    pump_sig()->wake_fd = wake_fd;
    pump_sig()->pending_signal = 0;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = pump_on_stop_signal;
    for (int i = 0; i < 4; i++) {
        struct sigaction old;
        sigaction(pump_stop_signals[i], NULL, &old);
        pump_sig()->stop_old[i] = old;
        /* A SIGHUP the user's shell set to SIG_IGN (nohup) stays ignored: poll finds the hang-up. */
        if (pump_stop_signals[i] == SIGHUP && old.sa_handler == SIG_IGN) continue;
        sigaction(pump_stop_signals[i], &sa, NULL);
    }
    pump_sig()->stop_installed = 1;
    sa.sa_handler = pump_on_continue;
    sigaction(SIGCONT, &sa, pump_cont_old());
    sa.sa_handler = pump_on_crash_signal;
    sa.sa_flags = SA_NODEFER | SA_RESETHAND;   /* the re-raise inside the handler takes effect at once */
    for (int i = 0; i < 5; i++) sigaction(pump_crash_signals[i], &sa, NULL);
    if (!atexit_done) { atexit(pump_atexit_reset); atexit_done = 1; }
}

/* After the runtime: the wake pipe is about to be closed (its number may be reused by a file),
   so the stop signals get their previous handling back. The crash handlers stay (disarmed). */
static inline void pump_uninstall_stop_handlers(int ignore_hangup) {
    if (!pump_sig()->stop_installed) return;
    /* After a hang-up the kernel may send another SIGHUP while we exit; it must not turn the
       orderly exit (129) into a death by signal, so SIGHUP goes straight to ignored. */
    if (ignore_hangup) signal(SIGHUP, SIG_IGN);
    for (int i = 0; i < 4; i++) {
        if (ignore_hangup && pump_stop_signals[i] == SIGHUP) continue;
        sigaction(pump_stop_signals[i], &pump_sig()->stop_old[i], NULL);
    }
    sigaction(SIGCONT, pump_cont_old(), NULL);
    pump_sig()->stop_installed = 0;
    pump_sig()->wake_fd = -1;
}

/* The shell's termios, read before newterm changes anything; the crash reset restores it. */
static inline void pump_save_shell_termios(int tty_fd) {
    pump_sig()->have_tio = tcgetattr(tty_fd, &pump_sig()->saved_tio) == 0;
}

/* Puts back the termios saved at start. After Ctrl-Z / fg, ncurses' "shell mode" is the one it
   found on resume, and the shell hands a resumed job back its own (raw) mode: endwin alone would
   leave the terminal raw, and the farewell would print as a staircase. */
static inline void pump_restore_shell_termios(int tty_fd) {
    if (pump_sig()->have_tio) tcsetattr(tty_fd, TCSADRAIN, &pump_sig()->saved_tio);
}

/* Arms the crash/atexit reset for `tty_fd`; `seq` is what undoes our modes (rmcup, cnorm,
   sgr0, ?2004l). */
static inline void pump_arm_reset(int tty_fd, const char *seq, size_t len) {
    pump_sig()->tty_fd = tty_fd;
    if (len > sizeof pump_sig()->reset_seq) len = sizeof pump_sig()->reset_seq;
    memcpy(pump_sig()->reset_seq, seq, len);
    pump_sig()->reset_len = len;
    pump_sig()->tty_dead = 0;
    pump_sig()->reset_armed = 1;
}
static inline void pump_disarm_reset(void) { pump_sig()->reset_armed = 0; }
static inline void pump_mark_tty_dead(void) { pump_sig()->tty_dead = 1; }
static inline int pump_take_pending_signal(void) { int s = pump_sig()->pending_signal; return s; }
#endif

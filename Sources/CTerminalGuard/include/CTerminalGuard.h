#ifndef CTERMINALGUARD_H
#define CTERMINALGUARD_H
/* Signal handling and the crash-time terminal reset. The state these functions share with the
   signal handlers lives in TerminalGuard.c, defined exactly once for the whole process: a
   `static` in a header would give every translation unit (and every Swift file importing it)
   its own copy, and the crash handler would read one that was never armed (issue 10). */
#include <stddef.h>

/* SIGINT/SIGTERM/SIGQUIT/SIGHUP set the pending signal and write a byte to `wake_fd`;
   SIGSEGV/SIGBUS/SIGILL/SIGTRAP/SIGABRT reset the terminal and die of the same signal; SIGCONT
   asks for a repaint; SIGTSTP and SIGWINCH set flags the loop takes (suspend, resize). Call before newterm, so ncurses leaves these signals alone. */
void pump_install_signal_handlers(int wake_fd);
/* Gives the stop signals their previous handling back (the crash handlers stay, disarmed). */
void pump_uninstall_stop_handlers(int ignore_hangup);

/* 0, or the first stop signal received. */
int pump_take_pending_signal(void);
/* 1 once after a SIGTSTP (Ctrl-Z) / a SIGWINCH (resize), else 0. */
int pump_take_suspend_request(void);
int pump_take_resized(void);
/* Stops the process (SIGTSTP's default action) and returns when it is continued. */
void pump_stop_self(void);
/* 1 when `sig` is handled by this file's handlers (not ncurses', not the default). */
int pump_signal_is_ours(int sig);

/* 1 once after a SIGCONT (fg after Ctrl-Z), else 0. */
int pump_take_resumed(void);

/* The shell's termios, read before newterm; restored by the crash reset and on exit. */
void pump_save_shell_termios(int tty_fd);
void pump_restore_shell_termios(int tty_fd);

/* Arms the crash/atexit reset: `seq` (rmcup, cnorm, sgr0, ?2004l...) is written to `tty_fd`. */
void pump_arm_reset(int tty_fd, const char *seq, size_t len);
void pump_disarm_reset(void);
/* The terminal hung up: the reset must write nothing. */
void pump_mark_tty_dead(void);

#endif

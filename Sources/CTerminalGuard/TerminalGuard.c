/* The one definition of the signal and crash-reset state (see include/CTerminalGuard.h).
   Everything reachable from a handler is async-signal-safe: write, tcsetattr, sigaction, raise. */
#include "CTerminalGuard.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <pthread.h>

static volatile sig_atomic_t pending_signal, resumed, tty_dead, reset_armed, suspend_asked, resized;
static int wake_fd = -1, reset_fd = -1, have_tio, stop_installed;
static size_t reset_len;
static char reset_seq[512];
static struct termios saved_tio;

static const int stop_signals[4] = { SIGINT, SIGTERM, SIGQUIT, SIGHUP };
static const int crash_signals[5] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT };
static struct sigaction stop_old[4], cont_old, tstp_old, winch_old;

static void wake(char why) {
    if (wake_fd >= 0) { ssize_t r = write(wake_fd, &why, 1); (void)r; }
}

/* SIGINT/SIGTERM/SIGHUP/SIGQUIT: remember the first one and wake the loop; nothing else. */
static void on_stop_signal(int sig) {
    int saved = errno;
    if (pending_signal == 0) pending_signal = sig;
    wake('s');
    errno = saved;
}

/* SIGCONT (fg, or kill -CONT), SIGTSTP (Ctrl-Z) and SIGWINCH (resize): a flag and a wake-up,
   nothing else. The loop's thread, the one thread that calls curses, repaints, leaves curses
   and stops the process itself (`pump_stop_self`), or resizes. Were SIGTSTP and SIGWINCH left
   at SIG_DFL, ncurses would install its own handlers, which call curses from whichever thread
   the kernel picks (issue 22: a crash in doupdate on two threads). */
static void on_loop_signal(int sig) {
    int saved = errno;
    if (sig == SIGCONT) resumed = 1;
    else if (sig == SIGTSTP) suspend_asked = 1;
    else resized = 1;
    wake('l');
    errno = saved;
}

/* Writes the precomputed reset string and restores the shell's termios (if the terminal is
   alive and curses is active), exactly once. */
static void emergency_reset(void) {
    if (!reset_armed) return;
    reset_armed = 0;
    if (tty_dead || reset_fd < 0) return;
    if (reset_len > 0) { ssize_t r = write(reset_fd, reset_seq, reset_len); (void)r; }
    if (have_tio) tcsetattr(reset_fd, TCSANOW, &saved_tio);
}

/* SEGV/BUS/ILL/TRAP/ABRT (Swift traps are SIGILL/SIGTRAP): reset the terminal, then die of the
   same signal with the default action. Not chained to the Swift backtracer on purpose: on a
   tty it turns interactive ("Press space to interact", 30 s) and takes the terminal again. */
static void on_crash_signal(int sig) {
    struct sigaction dfl;
    emergency_reset();
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static void atexit_reset(void) { emergency_reset(); }

/* sa_flags = 0 for the stop signals: no SA_RESTART, so a blocking poll/read returns EINTR and
   the loop notices the flag. */
void pump_install_signal_handlers(int fd) {
    static int atexit_done = 0;
    struct sigaction sa;
    wake_fd = fd;
    pending_signal = 0;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop_signal;
    for (int i = 0; i < 4; i++) {
        sigaction(stop_signals[i], NULL, &stop_old[i]);
        /* A SIGHUP the user's shell set to SIG_IGN (nohup) stays ignored: poll finds the hang-up. */
        if (stop_signals[i] == SIGHUP && stop_old[i].sa_handler == SIG_IGN) continue;
        sigaction(stop_signals[i], &sa, NULL);
    }
    stop_installed = 1;
    sa.sa_handler = on_loop_signal;
    sigaction(SIGCONT, &sa, &cont_old);
    /* SA_RESTART: the wake-up pipe tells the loop; other threads' reads need not see EINTR. */
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &sa, &tstp_old);
    sigaction(SIGWINCH, &sa, &winch_old);
    sa.sa_flags = 0;
    suspend_asked = 0;
    resized = 0;
    sa.sa_handler = on_crash_signal;
    sa.sa_flags = SA_NODEFER | SA_RESETHAND;   /* the re-raise inside the handler takes effect at once */
    for (int i = 0; i < 5; i++) sigaction(crash_signals[i], &sa, NULL);
    if (!atexit_done) { atexit(atexit_reset); atexit_done = 1; }
}

/* After the runtime: the wake pipe is about to be closed (its number may be reused by a file).
   After a hang-up the kernel may send another SIGHUP while we exit; it must not turn the
   orderly exit (129) into a death by signal, so SIGHUP goes straight to ignored. */
void pump_uninstall_stop_handlers(int ignore_hangup) {
    if (!stop_installed) return;
    if (ignore_hangup) signal(SIGHUP, SIG_IGN);
    for (int i = 0; i < 4; i++) {
        if (ignore_hangup && stop_signals[i] == SIGHUP) continue;
        sigaction(stop_signals[i], &stop_old[i], NULL);
    }
    sigaction(SIGCONT, &cont_old, NULL);
    sigaction(SIGTSTP, &tstp_old, NULL);
    sigaction(SIGWINCH, &winch_old, NULL);
    stop_installed = 0;
    wake_fd = -1;
}

int pump_take_pending_signal(void) { return pending_signal; }

int pump_take_suspend_request(void) {
    int r = suspend_asked;
    suspend_asked = 0;
    return r;
}

int pump_take_resized(void) {
    int r = resized;
    resized = 0;
    return r;
}

/* Stops the whole process as Ctrl-Z's default action would, and returns once it is continued
   (fg). SIGTSTP goes to SIG_DFL only for the moment of the stop; in an orphaned process group
   (no shell to continue it) the kernel discards it and this returns at once, as it should. */
void pump_stop_self(void) {
    struct sigaction dfl, ours;
    sigset_t only, before;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &ours);
    sigemptyset(&only);
    sigaddset(&only, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &only, &before);
    raise(SIGTSTP);   /* this thread, where it is unblocked: the stop happens before raise returns */
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    sigaction(SIGTSTP, &ours, NULL);
}

/* Is `sig`'s handler ours? (A test: ncurses must not have replaced it during newterm.) */
int pump_signal_is_ours(int sig) {
    struct sigaction now;
    if (sigaction(sig, NULL, &now) != 0) return 0;
    return now.sa_handler == on_loop_signal || now.sa_handler == on_stop_signal;
}

int pump_take_resumed(void) {
    int r = resumed;
    resumed = 0;
    return r;
}

void pump_save_shell_termios(int tty_fd) { have_tio = tcgetattr(tty_fd, &saved_tio) == 0; }

/* After Ctrl-Z / fg, ncurses' "shell mode" is the one it found on resume, and the shell hands
   a resumed job back its own (raw) mode: endwin alone would leave the terminal raw. */
void pump_restore_shell_termios(int tty_fd) {
    if (have_tio) tcsetattr(tty_fd, TCSADRAIN, &saved_tio);
}

void pump_arm_reset(int tty_fd, const char *seq, size_t len) {
    reset_armed = 0;            /* a crash while copying must not write half a sequence */
    reset_fd = tty_fd;
    if (len > sizeof reset_seq) len = sizeof reset_seq;
    memcpy(reset_seq, seq, len);
    reset_len = len;
    tty_dead = 0;
    reset_armed = 1;
}

void pump_disarm_reset(void) { reset_armed = 0; }
void pump_mark_tty_dead(void) { tty_dead = 1; }

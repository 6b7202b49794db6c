/* For Benchmarks/profile only: valgrind 3.19 crashes ("Valgrind received a signal 11") when
 * libdispatch's main thread calls sigsuspend(2) with its mask in read-only data, as every Swift
 * program with an async main does on Linux once its main thread parks. Preloaded under valgrind,
 * this passes the kernel a copy of the mask on the stack instead; nothing else changes. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}

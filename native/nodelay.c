/*
 * LD_PRELOAD shim for pcscd: sets TCP_NODELAY on every TCP socket accept()ed, so vsmartcard's
 * vpcd (which writes a frame's length and payload in two send() calls) does not pay Nagle +
 * delayed ACK (~40 ms) per APDU. Unix sockets are left alone; errno is preserved.
 * Build: gcc -shared -fPIC -O2 -o libnodelay.so nodelay.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static void set_nodelay(int fd) {
  if (fd < 0) return;
  int saved = errno;
  struct sockaddr_storage address;
  socklen_t length = sizeof address;
  if (getsockname(fd, (struct sockaddr *)&address, &length) == 0 &&
      (address.ss_family == AF_INET || address.ss_family == AF_INET6)) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  }
  errno = saved;
}

int accept(int fd, struct sockaddr *address, socklen_t *length) {
  static int (*real_accept)(int, struct sockaddr *, socklen_t *);
  if (!real_accept) real_accept = (int (*)(int, struct sockaddr *, socklen_t *))dlsym(RTLD_NEXT, "accept");
  int client = real_accept(fd, address, length);
  set_nodelay(client);
  return client;
}

int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
  static int (*real_accept4)(int, struct sockaddr *, socklen_t *, int);
  if (!real_accept4) real_accept4 = (int (*)(int, struct sockaddr *, socklen_t *, int))dlsym(RTLD_NEXT, "accept4");
  int client = real_accept4(fd, address, length, flags);
  set_nodelay(client);
  return client;
}

/*
 * openloop: an open-loop HTTP/1.1 load generator for bench/run.sh.
 *
 * wrk is closed-loop: each connection sends its next request only when the last answer is in, so a slow
 * answer delays the requests behind it and their wait is never measured (coordinated omission). Here the
 * requests are due at a fixed rate whatever the server does, spread over the connections, and each latency
 * is measured from when its request was due, not from when a connection was free to send it: time spent
 * queued behind a slow answer counts, as it does for a clinic's visitors. This is wrk2's model; wrk2 is not
 * in Debian, and neither `hey -q` (its Go client tops out below the rates needed here on one core, and it
 * drops the ticks it misses) nor a wrk script (latency from the actual send) measures it.
 *
 * usage: openloop HOST PORT RATE SECONDS CONNECTIONS METHOD PATH HEADER BODY-FILE UNIQUE TAG
 *   HEADER     one extra request header ("Name: value"), or "-"
 *   BODY-FILE  sent as application/json, or "-"
 *   UNIQUE     1: append n=TAG-<counter> to the query, so every request is a first request (a cache miss)
 * Prints one line: OPENLOOP {"rate":...,"requests":...,"errors":...,"p50_ms":...,"p99_ms":...,"p999_ms":...}
 * An answer with a status other than 2xx or 304 counts as an error, as does a connection the server closes.
 * With OPENLOOP_STALL_MS=N set, also prints to stderr "STALL <due, CLOCK_MONOTONIC seconds> <latency ms>" for the first
 * late answer (over N ms) of each stall, so stalls can be lined up with what else ran on the machine at that moment.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNECTIONS 1024
#define BUFFER_BYTES (1 << 20)

typedef struct {
    int fd;
    int busy;             /* a request is out and its answer not yet complete */
    uint64_t due_ns;      /* when the request now out was due */
    char *buffer;         /* the answer so far */
    size_t length;
} connection;

static struct sockaddr_in address;
static const char *method, *path, *header, *tag;
static char *body;
static size_t body_length;
static int unique;
static uint64_t counter;
static uint64_t errors;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static void fail(const char *what) {
    perror(what);
    exit(2);
}

static int open_connection(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) fail("socket");
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) fail("connect");
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

static void add(int epoll, connection *c, int index) {
    struct epoll_event event = {.events = EPOLLIN, .data.u32 = (uint32_t)index};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, c->fd, &event) != 0) fail("epoll_ctl");
}

/* Writes one whole request; requests are small, so a blocking write of the rest is fine. */
static void send_request(connection *c, const char *host) {
    static char request[65536];
    char query[128] = "";
    if (unique) {
        snprintf(query, sizeof query, "%sn=%s-%llu", strchr(path, '?') ? "&" : "?", tag, (unsigned long long)counter);
    }
    counter++;
    int n = snprintf(request, sizeof request, "%s %s%s HTTP/1.1\r\nHost: %s\r\nAccept: application/json\r\n", method, path, query, host);
    if (strcmp(header, "-") != 0) n += snprintf(request + n, sizeof request - n, "%s\r\n", header);
    if (body) n += snprintf(request + n, sizeof request - n, "Content-Type: application/json\r\nContent-Length: %zu\r\n", body_length);
    n += snprintf(request + n, sizeof request - n, "\r\n");
    if (body && (size_t)n + body_length < sizeof request) {
        memcpy(request + n, body, body_length);
        n += (int)body_length;
    }
    for (int written = 0; written < n;) {
        ssize_t w = write(c->fd, request + written, (size_t)(n - written));
        if (w < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (w < 0) fail("write");
        written += (int)w;
    }
    c->busy = 1;
    c->length = 0;
}

/* Whether the buffer holds one complete answer; sets its status. */
static int complete(connection *c, int *status) {
    c->buffer[c->length] = 0;
    char *end = strstr(c->buffer, "\r\n\r\n");
    if (!end) return 0;
    *status = atoi(c->buffer + 9);
    size_t head = (size_t)(end - c->buffer) + 4;
    char *line = c->buffer;
    long content_length = -1;
    int chunked = 0;
    while (line < end) {
        char *next = strstr(line, "\r\n");
        if (strncasecmp(line, "Content-Length:", 15) == 0) content_length = atol(line + 15);
        if (strncasecmp(line, "Transfer-Encoding:", 18) == 0 && strcasestr(line, "chunked") && strcasestr(line, "chunked") < next) chunked = 1;
        line = next + 2;
    }
    if (chunked) return c->length >= head + 5 && memcmp(c->buffer + c->length - 5, "0\r\n\r\n", 5) == 0;
    if (content_length < 0) content_length = 0; /* 304, or no body */
    return c->length >= head + (size_t)content_length;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double percentile_ms(uint64_t *sorted, size_t n, double p) {
    if (n == 0) return 0;
    size_t index = (size_t)(p * (double)(n - 1) + 0.5);
    return (double)sorted[index] / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 12) {
        fprintf(stderr, "usage: openloop HOST PORT RATE SECONDS CONNECTIONS METHOD PATH HEADER BODY-FILE UNIQUE TAG\n");
        return 2;
    }
    const char *host_name = argv[1];
    int port = atoi(argv[2]);
    double rate = atof(argv[3]);
    double seconds = atof(argv[4]);
    int count = atoi(argv[5]);
    method = argv[6];
    path = argv[7];
    header = argv[8];
    unique = strcmp(argv[10], "1") == 0;
    tag = argv[11];
    if (rate <= 0 || seconds <= 0 || count <= 0 || count > MAX_CONNECTIONS) {
        fprintf(stderr, "openloop: RATE and SECONDS must be positive, CONNECTIONS 1-%d\n", MAX_CONNECTIONS);
        return 2;
    }
    if (strcmp(argv[9], "-") != 0) {
        FILE *file = fopen(argv[9], "rb");
        if (!file) fail(argv[9]);
        body = malloc(65536);
        body_length = fread(body, 1, 65535, file);
        fclose(file);
    }
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host_name, &address.sin_addr) != 1) {
        fprintf(stderr, "openloop: HOST must be an IPv4 address\n");
        return 2;
    }
    char host[128];
    snprintf(host, sizeof host, "%s:%d", host_name, port);

    int epoll = epoll_create1(0);
    connection *connections = calloc((size_t)count, sizeof *connections);
    for (int i = 0; i < count; i++) {
        connections[i].fd = open_connection();
        connections[i].buffer = malloc(BUFFER_BYTES + 1);
        add(epoll, &connections[i], i);
    }

    uint64_t interval = (uint64_t)(1e9 / rate);
    uint64_t total = (uint64_t)(rate * seconds);
    uint64_t *latencies = malloc(total * sizeof *latencies);
    uint64_t sent = 0, done = 0;
    uint64_t start = now_ns();
    /* Requests due but not yet sent (every connection busy) wait here, oldest first; their wait is counted. */
    uint64_t *queued = malloc(total * sizeof *queued);
    uint64_t queue_head = 0, queue_tail = 0;
    uint64_t deadline = start + (uint64_t)(seconds * 1e9) + 5000000000ull;
    struct epoll_event events[MAX_CONNECTIONS];
    const char *stall_setting = getenv("OPENLOOP_STALL_MS");
    uint64_t stall_ns = stall_setting ? (uint64_t)(atof(stall_setting) * 1e6) : 0, last_stall_due = 0;

    while (done + errors < total && now_ns() < deadline) {
        uint64_t now = now_ns();
        while (sent < total && start + sent * interval <= now) {
            queued[queue_tail++] = start + sent * interval;
            sent++;
        }
        for (int i = 0; i < count && queue_head < queue_tail; i++) {
            if (!connections[i].busy) {
                connections[i].due_ns = queued[queue_head++];
                send_request(&connections[i], host);
            }
        }
        long wait_ns = 0;
        if (sent < total && queue_head == queue_tail) {
            uint64_t next = start + sent * interval;
            now = now_ns();
            wait_ns = next > now ? (long)(next - now) : 0;
        }
        struct timespec timeout = {.tv_sec = wait_ns / 1000000000L, .tv_nsec = wait_ns % 1000000000L};
        int ready = epoll_pwait2(epoll, events, count, sent < total || queue_head < queue_tail ? &timeout : NULL, NULL);
        if (ready < 0 && errno != EINTR) fail("epoll_pwait2");
        for (int e = 0; e < ready; e++) {
            connection *c = &connections[events[e].data.u32];
            for (;;) {
                ssize_t r = read(c->fd, c->buffer + c->length, BUFFER_BYTES - c->length);
                if (r < 0 && errno == EAGAIN) break;
                if (r <= 0) {
                    /* Closed by the server: the answer is lost; reconnect. */
                    if (c->busy) errors++;
                    close(c->fd);
                    c->fd = open_connection();
                    c->busy = 0;
                    c->length = 0;
                    add(epoll, c, (int)events[e].data.u32);
                    break;
                }
                c->length += (size_t)r;
                int status = 0;
                if (c->busy && complete(c, &status)) {
                    if ((status >= 200 && status < 300) || status == 304) {
                        latencies[done++] = now_ns() - c->due_ns;
                        /* Every request due during a stall is late: report the stall once, by its first late answer. */
                        if (stall_ns && latencies[done - 1] > stall_ns && c->due_ns > last_stall_due + 200000000ull) {
                            fprintf(stderr, "STALL %.3f %.1f\n", c->due_ns / 1e9, latencies[done - 1] / 1e6);
                            last_stall_due = c->due_ns;
                        }
                    } else {
                        errors++;
                    }
                    c->busy = 0;
                    c->length = 0;
                    if (queue_head < queue_tail) {
                        c->due_ns = queued[queue_head++];
                        send_request(c, host);
                    }
                }
                if (c->length >= BUFFER_BYTES) {
                    fprintf(stderr, "openloop: an answer is larger than %d bytes\n", BUFFER_BYTES);
                    return 2;
                }
            }
        }
    }
    double elapsed = (double)(now_ns() - start) / 1e9;
    uint64_t unanswered = total - done - errors;
    qsort(latencies, done, sizeof *latencies, compare);
    printf("OPENLOOP {\"rate\":%.0f,\"achieved\":%.0f,\"requests\":%llu,\"errors\":%llu,\"unanswered\":%llu,"
           "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f}\n",
           rate, (double)done / elapsed, (unsigned long long)done, (unsigned long long)errors, (unsigned long long)unanswered,
           percentile_ms(latencies, done, 0.5), percentile_ms(latencies, done, 0.9), percentile_ms(latencies, done, 0.99),
           percentile_ms(latencies, done, 0.999), done ? (double)latencies[done - 1] / 1e6 : 0);
    return errors + unanswered > 0 ? 1 : 0;
}

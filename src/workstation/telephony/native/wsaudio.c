/*
 * wsaudio: the headset's audio path in native code.
 *
 * A pjmedia port on pjsua's conference bridge, fed and drained by PulseAudio
 * streams, with no Python anywhere in the path. The pjsua2 wheel has no sound
 * device; with the Python bridge (telephony/audio.py) each 20 ms frame went
 * through an AudioMediaPort callback and QAudioSink's pull, so what the
 * manager heard depended on the interpreter being scheduled every few
 * milliseconds (PESQ 1.4-1.6 beside two busy processes where baresip kept
 * 2.4-3.5). Here:
 *
 *   pjmedia clock thread: get_frame()  <- mic ring     <- pulse record callback
 *                         put_frame()  -> speaker ring -> pulse playback callback
 *
 * Both rings are short byte FIFOs under one mutex held for a memcpy. Each
 * ring has a target fill (the jitter cushion): it is served only once primed
 * and is trimmed back to the target when clock drift makes it grow. Python
 * only opens and closes the streams, reads counters and sets mute/threshold.
 *
 * pjproject's headers are not shipped with the wheel, so the few pjmedia
 * structures used are declared below for pjproject 2.15 (x86-64 and aarch64
 * LP64); wsa_create() checks the layout against pjmedia_port_info_init()
 * before it adds the port. The pjsua functions are looked up in the already
 * loaded pjsua2 extension (its symbols are exported, not global).
 *
 * Format: 16 kHz, mono, signed 16-bit little endian, 20 ms frames (640 bytes).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pulse/pulseaudio.h>
#include <pulse/rtclock.h>

/* A PulseAudio server that accepted the socket but never answers must not hang the
 * caller (wsa_create runs on the pjsua thread, the app's GUI thread). */
#define PULSE_TIMEOUT_USEC (3 * PA_USEC_PER_SEC)

#define RATE 16000
#define FRAME_MS 20
#define BYTES_PER_MS (RATE * 2 / 1000)        /* 32 */
#define FRAME_BYTES (FRAME_MS * BYTES_PER_MS) /* 640 */
#define RING_BYTES (BYTES_PER_MS * 1000)      /* 1 s: far above any target */

/* ---- pjproject 2.15 ABI (see the header comment) ------------------------------------- */
typedef int pj_status_t;
typedef struct { char *ptr; long slen; } pj_str_t;
typedef struct {
    uint32_t id;
    int type;
    int detail_type;
    union {
        struct {
            unsigned clock_rate, channel_count, frame_time_usec, bits_per_sample;
            uint32_t avg_bps, max_bps;
        } aud;
        char size_of_video_detail[24];
    } det;
} pjmedia_format;
typedef struct {
    pj_str_t name;
    uint32_t signature;
    int dir;
    pjmedia_format fmt;
} pjmedia_port_info;
typedef struct {
    int type; /* 0 none, 1 audio */
    void *buf;
    size_t size;
    uint64_t timestamp;
    uint32_t bit_info;
} pjmedia_frame;
typedef struct pjmedia_port {
    pjmedia_port_info info;
    struct { void *pdata; long ldata; } port_data;
    void *grp_lock;
    void *(*get_clock_src)(struct pjmedia_port *, int);
    pj_status_t (*put_frame)(struct pjmedia_port *, pjmedia_frame *);
    pj_status_t (*get_frame)(struct pjmedia_port *, pjmedia_frame *);
    pj_status_t (*on_destroy)(struct pjmedia_port *);
} pjmedia_port;

#define FRAME_TYPE_AUDIO 1
#define SIGNATURE 0x57534844u /* "WSHD" */

static struct {
    void *(*pool_create)(const char *, size_t, size_t);
    void (*pool_release)(void *);
    pj_status_t (*port_info_init)(pjmedia_port_info *, const pj_str_t *, unsigned, unsigned,
                                  unsigned, unsigned, unsigned);
    pj_status_t (*conf_add_port)(void *, pjmedia_port *, int *);
    pj_status_t (*conf_remove_port)(int);
    pj_status_t (*port_destroy)(pjmedia_port *);
} pj;

/* ---- rings ------------------------------------------------------------------------------ */
typedef struct {
    uint8_t buf[RING_BYTES];
    size_t head, len; /* read position, bytes held */
    int primed;       /* served only after reaching the target once */
    size_t window_min; /* lowest fill seen in this trim window */
    uint64_t window_start_ns;
} ring_t;

static void ring_write(ring_t *r, const uint8_t *src, size_t n) {
    if (n > RING_BYTES) { src += n - RING_BYTES; n = RING_BYTES; }
    if (r->len + n > RING_BYTES) { /* full: drop the oldest */
        size_t drop = r->len + n - RING_BYTES;
        r->head = (r->head + drop) % RING_BYTES;
        r->len -= drop;
    }
    size_t tail = (r->head + r->len) % RING_BYTES;
    size_t first = n < RING_BYTES - tail ? n : RING_BYTES - tail;
    memcpy(r->buf + tail, src, first);
    memcpy(r->buf, src + first, n - first);
    r->len += n;
}

static size_t ring_read(ring_t *r, uint8_t *dst, size_t n) {
    if (n > r->len) n = r->len;
    size_t first = n < RING_BYTES - r->head ? n : RING_BYTES - r->head;
    if (dst) {
        memcpy(dst, r->buf + r->head, first);
        memcpy(dst + first, r->buf, n - first);
    }
    r->head = (r->head + n) % RING_BYTES;
    r->len -= n;
    return n;
}

#define TRIM_WINDOW_NS 1000000000u /* 1 s */

/* Clock drift or a catch-up burst left audio that only adds delay. A burst (a late
 * pjmedia tick delivering several frames at once) is played, not dropped: only what
 * stayed above target + slack for a whole window goes, and everything above the hard
 * cap at once. Returns 1 when audio was dropped. Caller holds the lock. */
static int ring_trim(ring_t *r, size_t target, size_t slack, size_t hard_cap, uint64_t t) {
    if (r->len > hard_cap) {
        ring_read(r, NULL, r->len - target);
        r->window_min = r->len;
        r->window_start_ns = t;
        return 1;
    }
    if (r->len < r->window_min) r->window_min = r->len;
    if (!r->window_start_ns) r->window_start_ns = t;
    if (t - r->window_start_ns < TRIM_WINDOW_NS) return 0;
    int dropped = 0;
    if (r->window_min > target + slack) {
        ring_read(r, NULL, r->window_min - target);
        dropped = 1;
    }
    r->window_min = r->len;
    r->window_start_ns = t;
    return dropped;
}

/* ---- the bridge ------------------------------------------------------------------------- */
typedef struct {
    int open;    /* 1 while a stream is connected */
    int failed;  /* the stream died (device unplugged: DONT_MOVE) */
    pa_stream *stream;
} side_t;

typedef struct wsa {
    pjmedia_port base; /* first: pjmedia's pointer is ours */
    char name[32];
    int slot;
    pthread_mutex_t lock;
    ring_t mic, spk;
    size_t mic_target, spk_target, mic_cap, spk_cap; /* bytes */
    int muted;
    double silence_rms;
    /* counters (under lock) */
    uint64_t mic_underruns, mic_overruns, spk_underruns, spk_overruns, mic_frames, spk_frames;
    uint64_t last_sound_ns, last_tick_ns, last_mic_ns;
    double max_tick_gap_ms, max_mic_gap_ms, level_rms;
    double mic_wait_sum, spk_wait_sum; /* ring fill (ms) summed at each take, for mean latency */
    uint64_t mic_wait_n, spk_wait_n;
    /* pulse */
    pa_threaded_mainloop *loop;
    pa_context *ctx;
    side_t in, out;
    int timed_out; /* set by the timeout event of the current wait */
    int realtime_wanted;
    int rt_pulse, rt_clock; /* asked on the pulse thread / on pjmedia's clock thread */
} wsa_t;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static double rms16(const uint8_t *p, size_t n) {
    const int16_t *s = (const int16_t *)p;
    size_t k = n / 2;
    if (!k) return 0.0;
    double acc = 0;
    for (size_t i = 0; i < k; i++) acc += (double)s[i] * s[i];
    return sqrt(acc / (double)k);
}

/* Real-time round-robin for the audio threads (PulseAudio's mainloop, pjmedia's clock)
 * where the system allows it (root, RLIMIT_RTPRIO, rtkit-granted limits); else they stay
 * ordinary threads. Each thread asks once. */
static void ask_realtime(int *asked) {
    if (*asked) return;
    *asked = 1;
    struct sched_param sp = {.sched_priority = 10};
    pthread_setschedparam(pthread_self(), SCHED_RR, &sp);
}

/* pjmedia clock thread: what the manager says, to the call */
static pj_status_t on_get_frame(pjmedia_port *port, pjmedia_frame *frame) {
    wsa_t *w = (wsa_t *)port;
    if (w->realtime_wanted) ask_realtime(&w->rt_clock);
    size_t want = frame->size ? frame->size : FRAME_BYTES;
    uint8_t *dst = frame->buf;
    uint64_t t = now_ns();
    pthread_mutex_lock(&w->lock);
    if (w->last_tick_ns) {
        double gap = (double)(t - w->last_tick_ns) / 1e6;
        if (gap > w->max_tick_gap_ms) w->max_tick_gap_ms = gap;
    }
    w->last_tick_ns = t;
    size_t got = 0;
    if (w->in.open && !w->mic.primed && w->mic.len >= w->mic_target) w->mic.primed = 1;
    if (w->mic.primed) {
        w->mic_wait_sum += (double)w->mic.len / BYTES_PER_MS;
        w->mic_wait_n++;
        got = ring_read(&w->mic, dst, want);
        if (got < want) { w->mic_underruns++; w->mic.primed = 0; }
        w->mic_frames++;
    }
    int muted = w->muted;
    pthread_mutex_unlock(&w->lock);
    if (muted) got = 0;
    if (got < want) memset(dst + got, 0, want - got);
    frame->size = want;
    frame->type = FRAME_TYPE_AUDIO;
    return 0;
}

/* pjmedia clock thread: what the call sends, to the headset speaker */
static pj_status_t on_put_frame(pjmedia_port *port, pjmedia_frame *frame) {
    wsa_t *w = (wsa_t *)port;
    static const uint8_t silence[FRAME_BYTES];
    const uint8_t *src = silence;
    size_t n = FRAME_BYTES;
    if (w->realtime_wanted) ask_realtime(&w->rt_clock);
    if (frame->type == FRAME_TYPE_AUDIO && frame->size && frame->buf) {
        src = frame->buf;
        n = frame->size;
    }
    pthread_mutex_lock(&w->lock);
    if (w->out.open) {
        ring_write(&w->spk, src, n);
        if (ring_trim(&w->spk, w->spk_target, FRAME_BYTES, w->spk_cap, now_ns()))
            w->spk_overruns++;
    }
    pthread_mutex_unlock(&w->lock);
    return 0;
}

static pj_status_t on_destroy(pjmedia_port *port) {
    wsa_t *w = (wsa_t *)port;
    pthread_mutex_destroy(&w->lock);
    free(w);
    return 0;
}

/* ---- pulse callbacks (the threaded mainloop's thread) ---------------------------------- */

static void on_write(pa_stream *s, size_t nbytes, void *ud) {
    wsa_t *w = ud;
    if (w->realtime_wanted) ask_realtime(&w->rt_pulse);
    void *data = NULL;
    size_t n = nbytes;
    if (pa_stream_begin_write(s, &data, &n) < 0 || !data) return;
    size_t got = 0;
    pthread_mutex_lock(&w->lock);
    if (!w->spk.primed && w->spk.len >= w->spk_target) w->spk.primed = 1;
    if (w->spk.primed) {
        w->spk_wait_sum += (double)w->spk.len / BYTES_PER_MS;
        w->spk_wait_n++;
        got = ring_read(&w->spk, data, n);
        if (got < n) { w->spk_underruns++; w->spk.primed = 0; }
        w->spk_frames++;
    }
    pthread_mutex_unlock(&w->lock);
    if (got < n) memset((uint8_t *)data + got, 0, n - got);
    pa_stream_write(s, data, n, NULL, 0, PA_SEEK_RELATIVE);
}

static void on_read(pa_stream *s, size_t nbytes, void *ud) {
    wsa_t *w = ud;
    (void)nbytes;
    if (w->realtime_wanted) ask_realtime(&w->rt_pulse);
    const void *data;
    size_t n;
    while (pa_stream_readable_size(s) > 0) {
        if (pa_stream_peek(s, &data, &n) < 0) return;
        if (n == 0) break;
        uint64_t t = now_ns();
        static const uint8_t zeros[4096];
        pthread_mutex_lock(&w->lock);
        if (w->last_mic_ns) {
            double gap = (double)(t - w->last_mic_ns) / 1e6;
            if (gap > w->max_mic_gap_ms) w->max_mic_gap_ms = gap;
        }
        w->last_mic_ns = t;
        if (data) {
            ring_write(&w->mic, data, n);
            double level = rms16(data, n);
            w->level_rms = level;
            if (level >= w->silence_rms) w->last_sound_ns = t;
        } else { /* a hole in the stream */
            for (size_t left = n; left;) {
                size_t k = left < sizeof zeros ? left : sizeof zeros;
                ring_write(&w->mic, zeros, k);
                left -= k;
            }
        }
        /* drift, or nobody listens to the microphone (then it only keeps the target) */
        int listened = w->last_tick_ns && t - w->last_tick_ns < 100000000u;
        if (ring_trim(&w->mic, w->mic_target, FRAME_BYTES, listened ? w->mic_cap : w->mic_target,
                      t) && listened)
            w->mic_overruns++;
        pthread_mutex_unlock(&w->lock);
        pa_stream_drop(s);
    }
}

static void on_stream_state(pa_stream *s, void *ud) {
    wsa_t *w = ud;
    pa_stream_state_t st = pa_stream_get_state(s);
    if (st == PA_STREAM_FAILED || st == PA_STREAM_TERMINATED) {
        pthread_mutex_lock(&w->lock);
        if (s == w->in.stream && w->in.open) { w->in.failed = 1; w->in.open = 0; }
        if (s == w->out.stream && w->out.open) { w->out.failed = 1; w->out.open = 0; }
        pthread_mutex_unlock(&w->lock);
    }
    pa_threaded_mainloop_signal(w->loop, 0);
}

static void on_context_state(pa_context *c, void *ud) {
    (void)c;
    wsa_t *w = ud;
    pa_threaded_mainloop_signal(w->loop, 0);
}

static void on_timeout(pa_mainloop_api *api, pa_time_event *e, const struct timeval *tv,
                       void *ud) {
    (void)tv;
    wsa_t *w = ud;
    w->timed_out = 1;
    api->time_free(e);
    pa_threaded_mainloop_signal(w->loop, 0);
}

/* A timeout for the wait that follows (mainloop locked); wait_done() cancels it. */
static pa_time_event *wait_begin(wsa_t *w) {
    w->timed_out = 0;
    return pa_context_rttime_new(w->ctx, pa_rtclock_now() + PULSE_TIMEOUT_USEC, on_timeout, w);
}

static void wait_done(wsa_t *w, pa_time_event *e) {
    if (e && !w->timed_out) pa_threaded_mainloop_get_api(w->loop)->time_free(e);
}

static void set_err(char *err, size_t len, const char *what, int code) {
    if (err && len) snprintf(err, len, "%s: %s", what, pa_strerror(code));
}

/* ---- API (ctypes) ------------------------------------------------------------------------ */

/* Find the pjsua functions in the loaded pjsua2 extension. 0 or -1 (err filled). */
int wsa_init(const char *pjsua2_path, char *err, size_t errlen) {
    void *h = dlopen(pjsua2_path, RTLD_NOW | RTLD_NOLOAD);
    if (!h) h = dlopen(pjsua2_path, RTLD_NOW);
    if (!h) { snprintf(err, errlen, "cannot open %s: %s", pjsua2_path, dlerror()); return -1; }
    struct { void **slot; const char *name; } need[] = {
        {(void **)&pj.pool_create, "pjsua_pool_create"},
        {(void **)&pj.pool_release, "pj_pool_release"},
        {(void **)&pj.port_info_init, "pjmedia_port_info_init"},
        {(void **)&pj.conf_add_port, "pjsua_conf_add_port"},
        {(void **)&pj.conf_remove_port, "pjsua_conf_remove_port"},
        {(void **)&pj.port_destroy, "pjmedia_port_destroy"},
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        *need[i].slot = dlsym(h, need[i].name);
        if (!*need[i].slot) {
            snprintf(err, errlen, "%s has no %s", pjsua2_path, need[i].name);
            return -1;
        }
    }
    return 0;
}

/* A bridge: the port on the conference bridge (call on the pjsua thread, after
 * libInit) and a PulseAudio context. NULL on failure (err filled). */
wsa_t *wsa_create(const char *app_name, unsigned mic_target_ms, unsigned spk_target_ms,
                  int realtime, char *err, size_t errlen) {
    if (!pj.conf_add_port) { snprintf(err, errlen, "wsa_init was not called"); return NULL; }
    wsa_t *w = calloc(1, sizeof *w);
    if (!w) { snprintf(err, errlen, "out of memory"); return NULL; }
    pthread_mutex_init(&w->lock, NULL);
    w->mic_target = (size_t)mic_target_ms * BYTES_PER_MS;
    w->spk_target = (size_t)spk_target_ms * BYTES_PER_MS;
    w->mic_cap = w->mic_target + 200 * BYTES_PER_MS; /* hard caps: see ring_trim */
    w->spk_cap = w->spk_target + 200 * BYTES_PER_MS;
    w->silence_rms = 50.0;
    w->realtime_wanted = realtime;
    w->slot = -1;

    w->loop = pa_threaded_mainloop_new();
    w->ctx = w->loop ? pa_context_new(pa_threaded_mainloop_get_api(w->loop), app_name) : NULL;
    if (!w->ctx) { snprintf(err, errlen, "PulseAudio: cannot create a context"); goto fail; }
    pa_context_set_state_callback(w->ctx, on_context_state, w);
    if (pa_context_connect(w->ctx, NULL, PA_CONTEXT_NOAUTOSPAWN, NULL) < 0) {
        set_err(err, errlen, "PulseAudio", pa_context_errno(w->ctx));
        goto fail;
    }
    pa_threaded_mainloop_lock(w->loop);
    if (pa_threaded_mainloop_start(w->loop) < 0) {
        pa_threaded_mainloop_unlock(w->loop);
        snprintf(err, errlen, "PulseAudio: cannot start the mainloop");
        goto fail;
    }
    pa_time_event *te = wait_begin(w);
    for (;;) {
        pa_context_state_t st = pa_context_get_state(w->ctx);
        if (st == PA_CONTEXT_READY) break;
        if (!PA_CONTEXT_IS_GOOD(st) || w->timed_out) {
            if (w->timed_out) snprintf(err, errlen, "PulseAudio did not answer within 3 s");
            else set_err(err, errlen, "PulseAudio", pa_context_errno(w->ctx));
            wait_done(w, te);
            pa_threaded_mainloop_unlock(w->loop);
            goto fail;
        }
        pa_threaded_mainloop_wait(w->loop);
    }
    wait_done(w, te);
    pa_threaded_mainloop_unlock(w->loop);

    snprintf(w->name, sizeof w->name, "headset");
    pj_str_t name = {w->name, (long)strlen(w->name)};
    pj.port_info_init(&w->base.info, &name, SIGNATURE, RATE, 1, 16, RATE * FRAME_MS / 1000);
    if (w->base.info.name.ptr != w->name || w->base.info.signature != SIGNATURE ||
        w->base.info.fmt.det.aud.clock_rate != RATE ||
        w->base.info.fmt.det.aud.frame_time_usec != FRAME_MS * 1000 ||
        w->base.info.fmt.det.aud.bits_per_sample != 16) {
        snprintf(err, errlen, "pjmedia_port layout differs from pjproject 2.15's");
        goto fail;
    }
    w->base.put_frame = on_put_frame;
    w->base.get_frame = on_get_frame;
    w->base.on_destroy = on_destroy;
    void *pool = pj.pool_create("wsaudio", 512, 512);
    if (!pool) { snprintf(err, errlen, "pjsua_pool_create failed"); goto fail; }
    int slot = -1;
    pj_status_t st = pj.conf_add_port(pool, &w->base, &slot);
    pj.pool_release(pool); /* only its factory is used: the bridge makes its own pool */
    if (st != 0) { snprintf(err, errlen, "pjsua_conf_add_port failed (%d)", st); goto fail; }
    w->slot = slot;
    return w;
fail:
    if (w->loop) pa_threaded_mainloop_stop(w->loop);
    if (w->ctx) { pa_context_disconnect(w->ctx); pa_context_unref(w->ctx); }
    if (w->loop) pa_threaded_mainloop_free(w->loop);
    pthread_mutex_destroy(&w->lock);
    free(w);
    return NULL;
}

int wsa_slot(wsa_t *w) { return w->slot; }

static void close_side_locked(wsa_t *w, side_t *side) {
    if (side->stream) {
        pa_stream_set_state_callback(side->stream, NULL, NULL);
        pa_stream_set_write_callback(side->stream, NULL, NULL);
        pa_stream_set_read_callback(side->stream, NULL, NULL);
        pa_stream_disconnect(side->stream);
        pa_stream_unref(side->stream);
        side->stream = NULL;
    }
    pthread_mutex_lock(&w->lock);
    side->open = 0;
    side->failed = 0;
    ring_t *r = side == &w->in ? &w->mic : &w->spk;
    r->len = r->head = 0;
    r->primed = 0;
    pthread_mutex_unlock(&w->lock);
}

/* Open the microphone (input=1) or the speaker (input=0) on a PulseAudio source/sink
 * by name (NULL or "" = the default). period_ms: the server's request size. 0 or -1. */
int wsa_open(wsa_t *w, int input, const char *device, unsigned period_ms, char *err,
             size_t errlen) {
    side_t *side = input ? &w->in : &w->out;
    pa_threaded_mainloop_lock(w->loop);
    close_side_locked(w, side);
    pa_sample_spec ss = {.format = PA_SAMPLE_S16LE, .rate = RATE, .channels = 1};
    pa_stream *s = pa_stream_new(w->ctx, input ? "headset microphone" : "headset speaker",
                                 &ss, NULL);
    if (!s) {
        set_err(err, errlen, "PulseAudio", pa_context_errno(w->ctx));
        pa_threaded_mainloop_unlock(w->loop);
        return -1;
    }
    pa_stream_set_state_callback(s, on_stream_state, w);
    uint32_t period = (uint32_t)period_ms * BYTES_PER_MS;
    pa_buffer_attr attr;
    attr.maxlength = (uint32_t)-1;
    pa_stream_flags_t flags = PA_STREAM_ADJUST_LATENCY | PA_STREAM_DONT_MOVE |
                              PA_STREAM_AUTO_TIMING_UPDATE | PA_STREAM_INTERPOLATE_TIMING;
    const char *dev = device && *device ? device : NULL;
    int rc;
    if (input) {
        attr.fragsize = period;
        attr.tlength = attr.prebuf = attr.minreq = (uint32_t)-1;
        pa_stream_set_read_callback(s, on_read, w);
        rc = pa_stream_connect_record(s, dev, &attr, flags);
    } else {
        attr.tlength = 2 * period;
        attr.minreq = period;
        attr.prebuf = (uint32_t)-1;
        attr.fragsize = (uint32_t)-1;
        pa_stream_set_write_callback(s, on_write, w);
        rc = pa_stream_connect_playback(s, dev, &attr, flags, NULL, NULL);
    }
    if (rc < 0) {
        set_err(err, errlen, dev ? dev : "default device", pa_context_errno(w->ctx));
        pa_stream_unref(s);
        pa_threaded_mainloop_unlock(w->loop);
        return -1;
    }
    pa_time_event *te = wait_begin(w);
    for (;;) {
        pa_stream_state_t st = pa_stream_get_state(s);
        if (st == PA_STREAM_READY) break;
        if (!PA_STREAM_IS_GOOD(st) || w->timed_out) {
            if (w->timed_out)
                snprintf(err, errlen, "%s: PulseAudio did not open it within 3 s",
                         dev ? dev : "default device");
            else set_err(err, errlen, dev ? dev : "default device", pa_context_errno(w->ctx));
            wait_done(w, te);
            pa_stream_set_state_callback(s, NULL, NULL);
            pa_stream_set_read_callback(s, NULL, NULL);
            pa_stream_set_write_callback(s, NULL, NULL);
            pa_stream_disconnect(s);
            pa_stream_unref(s);
            pa_threaded_mainloop_unlock(w->loop);
            return -1;
        }
        pa_threaded_mainloop_wait(w->loop);
    }
    wait_done(w, te);
    side->stream = s;
    pthread_mutex_lock(&w->lock);
    side->open = 1;
    side->failed = 0;
    pthread_mutex_unlock(&w->lock);
    pa_threaded_mainloop_unlock(w->loop);
    return 0;
}

void wsa_close_side(wsa_t *w, int input) {
    pa_threaded_mainloop_lock(w->loop);
    close_side_locked(w, input ? &w->in : &w->out);
    pa_threaded_mainloop_unlock(w->loop);
}

/* 1 open, 0 closed, -1 the stream died (the device went away). */
int wsa_state(wsa_t *w, int input) {
    side_t *side = input ? &w->in : &w->out;
    pthread_mutex_lock(&w->lock);
    int r = side->open ? 1 : side->failed ? -1 : 0;
    pthread_mutex_unlock(&w->lock);
    return r;
}

void wsa_set_muted(wsa_t *w, int muted) {
    pthread_mutex_lock(&w->lock);
    w->muted = muted;
    pthread_mutex_unlock(&w->lock);
}

void wsa_set_silence_rms(wsa_t *w, double rms) {
    pthread_mutex_lock(&w->lock);
    w->silence_rms = rms;
    pthread_mutex_unlock(&w->lock);
}

/* Seconds since the microphone last carried sound (above the silence RMS); -1 never. */
double wsa_seconds_since_sound(wsa_t *w) {
    pthread_mutex_lock(&w->lock);
    uint64_t t = w->last_sound_ns;
    pthread_mutex_unlock(&w->lock);
    return t ? (double)(now_ns() - t) / 1e9 : -1.0;
}

typedef struct {
    uint64_t mic_underruns, mic_overruns, spk_underruns, spk_overruns, mic_frames, spk_frames;
    double mic_fill_ms, spk_fill_ms, mic_latency_ms, spk_latency_ms, max_tick_gap_ms,
        max_mic_gap_ms, level_rms, spk_device_ms;
} wsa_stats_t;

void wsa_stats(wsa_t *w, wsa_stats_t *out, int reset) {
    pa_usec_t dev_lat = 0;
    int neg = 0;
    pa_threaded_mainloop_lock(w->loop);
    if (w->out.stream && pa_stream_get_latency(w->out.stream, &dev_lat, &neg) < 0) dev_lat = 0;
    pa_threaded_mainloop_unlock(w->loop);
    pthread_mutex_lock(&w->lock);
    out->mic_underruns = w->mic_underruns;
    out->mic_overruns = w->mic_overruns;
    out->spk_underruns = w->spk_underruns;
    out->spk_overruns = w->spk_overruns;
    out->mic_frames = w->mic_frames;
    out->spk_frames = w->spk_frames;
    out->mic_fill_ms = (double)w->mic.len / BYTES_PER_MS;
    out->spk_fill_ms = (double)w->spk.len / BYTES_PER_MS;
    out->mic_latency_ms = w->mic_wait_n ? w->mic_wait_sum / (double)w->mic_wait_n : 0.0;
    out->spk_latency_ms =
        (w->spk_wait_n ? w->spk_wait_sum / (double)w->spk_wait_n : 0.0) + (double)dev_lat / 1000.0;
    out->max_tick_gap_ms = w->max_tick_gap_ms;
    out->max_mic_gap_ms = w->max_mic_gap_ms;
    out->level_rms = w->level_rms;
    out->spk_device_ms = neg ? 0.0 : (double)dev_lat / 1000.0;
    if (reset) {
        w->mic_underruns = w->mic_overruns = w->spk_underruns = w->spk_overruns = 0;
        w->mic_frames = w->spk_frames = 0;
        w->max_tick_gap_ms = w->max_mic_gap_ms = 0;
        w->last_tick_ns = w->last_mic_ns = 0; /* gaps are measured from here on */
        w->mic_wait_sum = w->spk_wait_sum = 0;
        w->mic_wait_n = w->spk_wait_n = 0;
    }
    pthread_mutex_unlock(&w->lock);
}

/* Close both streams and PulseAudio, take the port off the conference bridge (pjsua
 * thread). The memory goes when pjmedia drops its last reference (on_destroy). */
void wsa_destroy(wsa_t *w) {
    if (!w) return;
    pa_threaded_mainloop_lock(w->loop);
    close_side_locked(w, &w->in);
    close_side_locked(w, &w->out);
    pa_threaded_mainloop_unlock(w->loop);
    pa_threaded_mainloop_stop(w->loop);
    pa_context_disconnect(w->ctx);
    pa_context_unref(w->ctx);
    pa_threaded_mainloop_free(w->loop);
    w->loop = NULL;
    w->ctx = NULL;
    int slot = w->slot;
    w->slot = -1;
    if (slot >= 0) pj.conf_remove_port(slot);
    if (w->base.grp_lock) pj.port_destroy(&w->base); /* our reference; on_destroy frees */
    else on_destroy(&w->base);
}

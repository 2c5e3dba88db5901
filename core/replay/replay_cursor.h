#pragma once

// The replay clock. Time comes in from outside: the window feeds it wall-clock
// steps (tick) or jumps (seek, advanceTo); core never reads a clock. What the
// map shows at a time is a pure function of that time (see track_sampler), so
// jumping anywhere gives the same picture as playing there.
//
// Moving the cursor reports the events it crosses, in the order crossed, in
// either direction. While playing forwards it stops on an event of a "pause"
// kind (the seizure, by default) and pauses there.

#include "core/model/event.h"

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

namespace wake::replay {

struct ReplayEvent
{
    model::EventId id = 0;
    std::int64_t timeUtcMs = 0;
    model::EventKind kind = model::EventKind::Other;
    friend bool operator==(const ReplayEvent&, const ReplayEvent&) = default;
};

class ReplayCursor
{
public:
    ReplayCursor(std::int64_t startUtcMs = 0, std::int64_t endUtcMs = 0);

    // The span replayed; the time is clamped into it.
    void setRange(std::int64_t startUtcMs, std::int64_t endUtcMs);
    std::int64_t start() const { return m_start; }
    std::int64_t end() const { return m_end; }

    // Events in any order; kept sorted by time.
    void setEvents(std::vector<ReplayEvent> events);
    const std::vector<ReplayEvent>& events() const { return m_events; }
    void setPauseKinds(std::set<model::EventKind> kinds) { m_pauseKinds = std::move(kinds); }

    std::int64_t time() const { return m_time; }
    bool isPlaying() const { return m_playing; }
    // Replay milliseconds per wall-clock millisecond (1: real time; 86400: a day a second).
    double rate() const { return m_rate; }
    void setRate(double rate);
    void setLoop(bool loop) { m_loop = loop; }
    bool loops() const { return m_loop; }

    void play();
    void pause() { m_playing = false; }
    void togglePlay() { m_playing ? pause() : play(); }

    // Moves to t (clamped) and returns the events crossed, in the order crossed.
    std::vector<ReplayEvent> advanceTo(std::int64_t timeUtcMs);
    // Playing: moves by rate x wallMs. Stops on a pause event (pausing) or at
    // the end (pausing, or back to the start when looping).
    std::vector<ReplayEvent> tick(std::int64_t wallMs);

    // The next event strictly after / previous strictly before the time.
    std::optional<ReplayEvent> nextEvent() const;
    std::optional<ReplayEvent> previousEvent() const;
    // Jumps to that event; returns it (and nothing when there is none).
    std::optional<ReplayEvent> stepToNextEvent();
    std::optional<ReplayEvent> stepToPreviousEvent();
    // The last event at or before the time, if any.
    std::optional<ReplayEvent> lastEventReached() const;

private:
    std::int64_t clamp(std::int64_t t) const;

    std::int64_t m_start = 0;
    std::int64_t m_end = 0;
    std::int64_t m_time = 0;
    double m_rate = 3600.0; // an hour a second
    double m_fraction = 0;  // sub-millisecond remainder of tick steps
    bool m_playing = false;
    bool m_loop = false;
    std::vector<ReplayEvent> m_events;
    std::set<model::EventKind> m_pauseKinds{model::EventKind::Seizure};
};

} // namespace wake::replay

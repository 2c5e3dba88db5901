#include "ui/replay/replay_controller.h"

#include <cmath>

namespace wake::ui {

namespace {

constexpr int kFrameMs = 16;
constexpr double kShuttleStart = 3600.0; // an hour a second
constexpr double kShuttleMax = 7 * 86400.0;

} // namespace

ReplayController::ReplayController(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReplayController::onTick);
}

void ReplayController::setReplay(std::int64_t startUtcMs, std::int64_t endUtcMs,
                                 const std::vector<model::Event>& events)
{
    setDirection(0);
    std::vector<replay::ReplayEvent> replayEvents;
    for (const auto& e : events) {
        if (e.shipEvent) {
            replayEvents.push_back({e.id, e.time.startUtcMs, e.kind});
        }
    }
    m_cursor.setEvents(std::move(replayEvents));
    m_cursor.setRange(startUtcMs, endUtcMs);
    m_cursor.advanceTo(startUtcMs);
    Q_EMIT timeChanged(m_cursor.time());
}

void ReplayController::setPauseAtSeizure(bool pause)
{
    m_pauseAtSeizure = pause;
    m_cursor.setPauseKinds(pause ? std::set<model::EventKind>{model::EventKind::Seizure}
                                 : std::set<model::EventKind>{});
}

void ReplayController::setDirection(int direction)
{
    const bool was = isPlaying();
    m_direction = direction;
    if (direction > 0) {
        m_cursor.play();
    } else {
        m_cursor.pause();
    }
    if (isPlaying()) {
        m_clock.start();
        m_timer.start();
    } else {
        m_timer.stop();
    }
    if (was != isPlaying()) {
        Q_EMIT playingChanged(isPlaying());
    }
}

void ReplayController::play()
{
    m_shuttleRate = 0;
    setDirection(1);
}

void ReplayController::pause()
{
    m_shuttleRate = 0;
    setDirection(0);
}

void ReplayController::togglePlay()
{
    isPlaying() ? pause() : play();
}

void ReplayController::setRate(double replayMsPerWallMs)
{
    m_cursor.setRate(replayMsPerWallMs);
}

void ReplayController::seek(std::int64_t timeUtcMs)
{
    const bool forwards = timeUtcMs > m_cursor.time();
    const auto crossed = m_cursor.advanceTo(timeUtcMs);
    Q_EMIT timeChanged(m_cursor.time());
    if (forwards && !crossed.empty()) {
        QList<qint64> reached;
        for (const auto& e : crossed) {
            reached << e.id;
        }
        Q_EMIT eventsReached(reached);
    }
}

void ReplayController::stepForward()
{
    seek(m_cursor.time() + (m_cursor.end() - m_cursor.start()) / 60);
}

void ReplayController::stepBackward()
{
    seek(m_cursor.time() - (m_cursor.end() - m_cursor.start()) / 60);
}

void ReplayController::nextEvent()
{
    if (const auto e = m_cursor.nextEvent()) {
        seek(e->timeUtcMs);
    }
}

void ReplayController::previousEvent()
{
    if (const auto e = m_cursor.previousEvent()) {
        seek(e->timeUtcMs);
    }
}

void ReplayController::toStart()
{
    seek(m_cursor.start());
}

void ReplayController::toEnd()
{
    seek(m_cursor.end());
}

void ReplayController::shuttleForward()
{
    m_shuttleRate = m_direction > 0 && m_shuttleRate > 0 ? std::min(m_shuttleRate * 2, kShuttleMax)
                                                         : kShuttleStart;
    m_cursor.setRate(m_shuttleRate);
    setDirection(1);
}

void ReplayController::shuttleBackward()
{
    m_shuttleRate = m_direction < 0 ? std::min(m_shuttleRate * 2, kShuttleMax) : kShuttleStart;
    setDirection(-1);
}

void ReplayController::onTick()
{
    const std::int64_t wallMs = m_clock.restart();
    if (m_direction < 0) {
        const auto step = static_cast<std::int64_t>(std::llround(m_shuttleRate * wallMs));
        seek(m_cursor.time() - step);
        if (m_cursor.time() <= m_cursor.start()) {
            setDirection(0);
        }
        return;
    }
    const auto crossed = m_cursor.tick(wallMs);
    QList<qint64> reached;
    for (const auto& e : crossed) {
        reached << e.id;
    }
    Q_EMIT timeChanged(m_cursor.time());
    if (!reached.isEmpty()) {
        Q_EMIT eventsReached(reached);
    }
    if (!m_cursor.isPlaying()) {
        setDirection(0);
        if (m_pauseAtSeizure && !crossed.empty() &&
            crossed.back().kind == model::EventKind::Seizure &&
            crossed.back().timeUtcMs == m_cursor.time()) {
            Q_EMIT pausedAtEvent(crossed.back().id);
        }
    }
}

} // namespace wake::ui

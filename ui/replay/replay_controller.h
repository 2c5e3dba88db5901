#pragma once

// Drives the replay cursor from the wall clock: a timer on the GUI thread
// feeds it the time that passed, and the controller tells the map, the
// timeline and the window what changed. Shuttle (J/K/L) plays backwards or
// forwards at growing speed.

#include "core/model/event.h"
#include "core/replay/replay_cursor.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace wake::ui {

class ReplayController : public QObject
{
    Q_OBJECT
public:
    explicit ReplayController(QObject* parent = nullptr);

    // The span to replay and the events in it (those with a time).
    void setReplay(std::int64_t startUtcMs, std::int64_t endUtcMs,
                   const std::vector<model::Event>& events);
    const replay::ReplayCursor& cursor() const { return m_cursor; }
    std::int64_t time() const { return m_cursor.time(); }
    bool isPlaying() const { return m_direction != 0; }
    double rate() const { return m_cursor.rate(); }
    void setPauseAtSeizure(bool pause);

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void setRate(double replayMsPerWallMs);
    // Moves there; events reached going forwards are reported.
    void seek(std::int64_t timeUtcMs);
    void stepForward(); // one step of a sixtieth of the span
    void stepBackward();
    void nextEvent();
    void previousEvent();
    void toStart();
    void toEnd();
    void shuttleBackward(); // J: backwards, faster each press
    void shuttleForward();  // L: forwards, faster each press

Q_SIGNALS:
    void timeChanged(qint64 timeUtcMs);
    void playingChanged(bool playing);
    // Events reached moving forwards, in order (a banner names them).
    void eventsReached(const QList<qint64>& eventIds);
    // Playing stopped on this event (the seizure): its card opens.
    void pausedAtEvent(qint64 eventId);

private:
    void onTick();
    void setDirection(int direction);

    replay::ReplayCursor m_cursor;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_direction = 0; // -1 backwards, 0 paused, 1 forwards
    double m_shuttleRate = 0;
    bool m_pauseAtSeizure = true;
};

} // namespace wake::ui

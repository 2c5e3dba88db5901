#pragma once

// The live watch: a live session's messages through the watch engine
// (watch/watch_engine.h), each alert kept in the store's alarm log (marked
// snoozed when its vessel and rule are snoozed now) and announced. The
// engine's time is the messages' time; a second's timer moves it on with
// the wall clock only while the feed is live (its time within five minutes
// of the clock), so that a silent ship goes dark on time even when nothing
// else is heard, and a recording replayed raises what the archive would.

#include "core/lists/list_matcher.h"
#include "core/live/live_session.h"
#include "core/store/database.h"
#include "core/watch/watch_engine.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace wake::live {

class LiveWatch : public QObject
{
    Q_OBJECT
public:
    static constexpr std::int64_t kLiveWithinMs = 5LL * 60 * 1000;

    LiveWatch(store::Database& db, LiveSession& session, watch::WatchRules rules,
              lists::ListMatcher matcher, QObject* parent = nullptr);
    ~LiveWatch() override;

    const watch::WatchEngine& engine() const { return *m_engine; }
    std::int64_t alertsRaised() const { return m_raised; }
    // Moves the engine's time to the clock now if the feed is live (the
    // timer does this each second; tests call it).
    void tick(std::int64_t wallUtcMs);

Q_SIGNALS:
    // Kept in the store (its id set) before it is announced.
    void alertRaised(const wake::watch::Alert& alert);
    void storeFailed(const QString& message);

private:
    void heard(const HeardMessage& message);
    void raise(std::vector<watch::Alert> alerts);

    store::Database& m_db;
    LiveSession& m_session;
    lists::ListMatcher m_matcher; // before the engine, which holds it
    std::unique_ptr<watch::WatchEngine> m_engine;
    QTimer m_timer;
    std::int64_t m_raised = 0;
};

} // namespace wake::live

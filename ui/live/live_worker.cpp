#include "ui/live/live_worker.h"

#include "core/lists/list_library.h"

#include <QDateTime>

namespace wake::ui {

namespace {
constexpr int kPublishMs = 500;
}

LiveWorker::LiveWorker(QString databasePath, QString recordFolder)
    : m_databasePath(std::move(databasePath)), m_recordFolder(std::move(recordFolder)),
      m_publish(this) // a child, so it moves to the live thread with the worker
{}

LiveWorker::~LiveWorker() = default;

void LiveWorker::open()
{
    auto db = store::Database::open(m_databasePath);
    if (!db) {
        Q_EMIT error(QStringLiteral("Live reception cannot open the database: %1")
                         .arg(db.error().toString()));
        return;
    }
    m_db.emplace(std::move(*db));
    live::LiveOptions options;
    options.recordFolder = m_recordFolder;
    m_session = std::make_unique<live::LiveSession>(*m_db, options);
    connect(m_session.get(), &live::LiveSession::storeFailed, this, [this](const QString& message) {
        Q_EMIT error(tr("Cannot store live data: %1").arg(message));
    });
    watch({});
    m_publish.setInterval(kPublishMs);
    connect(&m_publish, &QTimer::timeout, this, &LiveWorker::publish);
    m_publish.start();
}

void LiveWorker::addSource(const QString& name, const QString& url, bool enabled)
{
    if (!m_session) {
        return;
    }
    if (Status s = m_session->addSource({name, url, enabled}); !s) {
        Q_EMIT error(s.error().toString());
    }
    publish();
}

void LiveWorker::removeSource(const QString& name)
{
    if (m_session) {
        m_session->removeSource(name);
        publish();
    }
}

void LiveWorker::setSourceEnabled(const QString& name, bool enabled)
{
    if (m_session) {
        m_session->setSourceEnabled(name, enabled);
        publish();
    }
}

void LiveWorker::watch(const QString& rulesPath)
{
    if (!m_session) {
        return;
    }
    m_watch.reset();
    // Without a rules file, distress alone: it is never off while receiving.
    auto stored = m_db->areas();
    auto rules = !stored ? Result<watch::WatchRules>(stored.error())
                 : rulesPath.isEmpty()
                     ? watch::parseWatchRules(QByteArrayLiteral(R"({"rules": []})"), {})
                     : watch::readWatchRules(rulesPath, *stored);
    auto matcher = lists::loadedMatcher(*m_db);
    if (!rules || !matcher) {
        Q_EMIT error(tr("The watch rules cannot be used: %1")
                         .arg(rules ? matcher.error().toString() : rules.error().toString()));
        if (!rulesPath.isEmpty()) {
            watch({}); // distress still
        }
        return;
    }
    const int count = static_cast<int>(rules->rules.size());
    m_watch = std::make_unique<live::LiveWatch>(*m_db, *m_session, std::move(rules).value(),
                                                std::move(matcher).value());
    connect(m_watch.get(), &live::LiveWatch::alertRaised, this, &LiveWorker::alertRaised);
    connect(m_watch.get(), &live::LiveWatch::storeFailed, this, [this](const QString& message) {
        Q_EMIT error(tr("Cannot keep an alert: %1").arg(message));
    });
    Q_EMIT watching(rulesPath, count);
}

void LiveWorker::shutdown()
{
    m_publish.stop();
    m_watch.reset();
    m_session.reset(); // stops the sources, stores their last lines, commits
    m_db.reset();
}

void LiveWorker::publish()
{
    if (!m_session) {
        return;
    }
    auto snapshot = std::make_shared<LiveSnapshot>();
    snapshot->nowUtcMs = QDateTime::currentMSecsSinceEpoch();
    snapshot->targets = m_session->targets().snapshot();
    snapshot->stations = m_session->stations().snapshot();
    snapshot->sources = m_session->sourceStatus();
    snapshot->counts = m_session->counts();
    snapshot->recordFolder = m_recordFolder;
    if (m_watch) {
        snapshot->ownShip = m_watch->engine().ownShip();
        for (const auto& [mmsi, approach] : m_watch->engine().approaches()) {
            snapshot->approaches.emplace(mmsi, approach);
        }
    }
    Q_EMIT snapshotReady(std::move(snapshot));
}

} // namespace wake::ui

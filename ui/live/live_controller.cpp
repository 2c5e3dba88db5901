#include "ui/live/live_controller.h"

#include "core/store/connection_target.h"
#include "ui/live/live_worker.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace wake::ui {

namespace {
const QString kSourcesKey = QStringLiteral("live/sources");
const QString kSourcesDatabaseKey = QStringLiteral("live/sourcesDatabase");

// How a database is remembered: a file by its canonical path, a server
// target with its password masked (never written in clear).
QString databaseKey(const QString& target)
{
    const QFileInfo file(target);
    return file.exists() ? file.canonicalFilePath() : store::maskedTarget(target);
}
} // namespace

LiveController::LiveController(QString databasePath, QString recordFolder, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)),
      m_recordFolder(std::move(recordFolder))
{
    qRegisterMetaType<std::shared_ptr<const LiveSnapshot>>();
    qRegisterMetaType<wake::watch::Alert>();
    m_worker = new LiveWorker(m_databasePath, m_recordFolder);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LiveWorker::snapshotReady, this, &LiveController::onSnapshot);
    connect(m_worker, &LiveWorker::error, this, &LiveController::error);
    connect(m_worker, &LiveWorker::alertRaised, this, &LiveController::alertRaised);
    connect(m_worker, &LiveWorker::watching, this, &LiveController::watching);
    m_thread.setObjectName(QStringLiteral("wake-live"));
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &LiveWorker::open, Qt::QueuedConnection);
    // The saved sources start as they were; one that no longer opens is
    // reported by the worker and stays saved (nothing the user set up is lost).
    m_sources = savedSources();
    for (const live::LiveSourceConfig& config : m_sources) {
        QMetaObject::invokeMethod(m_worker, "addSource", Qt::QueuedConnection,
                                  Q_ARG(QString, config.name), Q_ARG(QString, config.url),
                                  Q_ARG(bool, config.enabled));
    }
}

void LiveController::setWatchRules(const QString& rulesPath)
{
    QMetaObject::invokeMethod(m_worker, "watch", Qt::QueuedConnection, Q_ARG(QString, rulesPath));
}

LiveController::~LiveController()
{
    QMetaObject::invokeMethod(m_worker, &LiveWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

std::vector<live::LiveSourceConfig> LiveController::savedSources()
{
    QSettings settings;
    std::vector<live::LiveSourceConfig> out;
    const int n = settings.beginReadArray(kSourcesKey);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        out.push_back({settings.value(QStringLiteral("name")).toString(),
                       settings.value(QStringLiteral("url")).toString(),
                       settings.value(QStringLiteral("enabled"), true).toBool()});
    }
    settings.endArray();
    return out;
}

bool LiveController::sourcesSavedFor(const QString& databaseTarget)
{
    return QSettings().value(kSourcesDatabaseKey).toString() == databaseKey(databaseTarget);
}

void LiveController::saveSources(const std::vector<live::LiveSourceConfig>& sources,
                                 const QString& databaseTarget)
{
    QSettings settings;
    settings.setValue(kSourcesDatabaseKey, databaseKey(databaseTarget));
    settings.remove(kSourcesKey);
    settings.beginWriteArray(kSourcesKey, static_cast<int>(sources.size()));
    for (int i = 0; i < static_cast<int>(sources.size()); ++i) {
        settings.setArrayIndex(i);
        const live::LiveSourceConfig& s = sources[static_cast<std::size_t>(i)];
        // A password is never written to the settings: the source is saved
        // with it masked and comes back switched off until it is typed again.
        const QString saved = live::maskedSourceUrl(s.url);
        settings.setValue(QStringLiteral("name"), s.name);
        settings.setValue(QStringLiteral("url"), saved);
        settings.setValue(QStringLiteral("enabled"), s.enabled && saved == s.url);
    }
    settings.endArray();
}

QString LiveController::defaultRecordFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recordings"));
}

Status LiveController::addSource(const live::LiveSourceConfig& config)
{
    auto url = live::parseSourceUrl(config.url);
    if (!url) {
        return url.error();
    }
    live::LiveSourceConfig named = config;
    if (named.name.trimmed().isEmpty()) {
        named.name = url->displayName();
    }
    for (const auto& s : m_sources) {
        if (s.name == named.name) {
            return Error{Error::Code::InvalidArgument,
                         tr("A source named \"%1\" exists already.").arg(named.name),
                         {}};
        }
    }
    m_sources.push_back(named);
    saveSources(m_sources, m_databasePath);
    QMetaObject::invokeMethod(m_worker, "addSource", Qt::QueuedConnection,
                              Q_ARG(QString, named.name), Q_ARG(QString, named.url),
                              Q_ARG(bool, named.enabled));
    return {};
}

Status LiveController::replaceSource(const QString& name, const live::LiveSourceConfig& config)
{
    if (auto url = live::parseSourceUrl(config.url); !url) {
        return url.error();
    }
    const auto old = std::find_if(m_sources.begin(), m_sources.end(),
                                  [&](const auto& s) { return s.name == name; });
    if (old == m_sources.end()) {
        return Error{Error::Code::NotFound, tr("No source named \"%1\".").arg(name), {}};
    }
    const live::LiveSourceConfig previous = *old;
    removeSource(name);
    if (Status s = addSource(config); !s) {
        (void)addSource(previous); // nothing lost: the old one comes back
        return s;
    }
    return {};
}

void LiveController::removeSource(const QString& name)
{
    std::erase_if(m_sources, [&](const auto& s) { return s.name == name; });
    saveSources(m_sources, m_databasePath);
    QMetaObject::invokeMethod(m_worker, "removeSource", Qt::QueuedConnection, Q_ARG(QString, name));
}

void LiveController::setSourceEnabled(const QString& name, bool enabled)
{
    for (auto& s : m_sources) {
        if (s.name == name) {
            s.enabled = enabled;
        }
    }
    saveSources(m_sources, m_databasePath);
    QMetaObject::invokeMethod(m_worker, "setSourceEnabled", Qt::QueuedConnection,
                              Q_ARG(QString, name), Q_ARG(bool, enabled));
}

void LiveController::onSnapshot(std::shared_ptr<const LiveSnapshot> snapshot)
{
    m_latest = snapshot;
    Q_EMIT snapshotReady(std::move(snapshot));
}

} // namespace wake::ui

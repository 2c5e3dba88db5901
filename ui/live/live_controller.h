#pragma once

// The window's live reception. A LiveSession runs on its own thread with its
// own connection to the window's database, so sockets, decoding and commits
// never hold up a frame. Twice a second it publishes a snapshot (targets,
// sources, counts); the window draws from the latest one. The sources the
// user set up are saved in QSettings and started again at the next launch.

#include "core/live/live_session.h"
#include "core/watch/alert.h"
#include "core/watch/watch_engine.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace wake::ui {

struct LiveSnapshot
{
    std::int64_t nowUtcMs = 0;
    std::vector<live::LiveTarget> targets; // with a position
    std::vector<live::SourceStatus> sources;
    live::SessionCounts counts;
    int lostIntervals = live::TargetTable::kDefaultLostIntervals;
    QString recordFolder;
    // From the watch: own ship's last report, and each target's approach to
    // it where within reach of an alarm (watch/watch_engine.h).
    std::optional<watch::PositionReport> ownShip;
    std::unordered_map<std::uint32_t, watch::Approach> approaches;
    std::vector<live::Station> stations; // aids to navigation, base stations, SAR aircraft
};

class LiveWorker;

class LiveController : public QObject
{
    Q_OBJECT
public:
    // databasePath: the window's database; recordFolder: where raw lines go.
    LiveController(QString databasePath, QString recordFolder, QObject* parent = nullptr);
    ~LiveController() override; // stops the sources and commits

    // Saved sources (QSettings "live/sources"), with the database they
    // receive into: a launch on another database must not start them and
    // write live AIS into it.
    static std::vector<live::LiveSourceConfig> savedSources();
    static void saveSources(const std::vector<live::LiveSourceConfig>& sources,
                            const QString& databaseTarget);
    // True when the saved sources were set up for this database (the same
    // file by any path, or the same server target).
    static bool sourcesSavedFor(const QString& databaseTarget);
    static QString defaultRecordFolder();

    const std::vector<live::LiveSourceConfig>& sources() const { return m_sources; }
    // Checked here (URL, unique name) so a dialog can say what is wrong.
    Status addSource(const live::LiveSourceConfig& config);
    Status replaceSource(const QString& name, const live::LiveSourceConfig& config);
    void removeSource(const QString& name);
    void setSourceEnabled(const QString& name, bool enabled);

    std::shared_ptr<const LiveSnapshot> latest() const { return m_latest; }
    // Watches the reception with a rules file (empty: no watch); the worker
    // says watching() or error().
    void setWatchRules(const QString& rulesPath);
    bool isRunning() const { return !m_sources.empty(); }

Q_SIGNALS:
    void snapshotReady(std::shared_ptr<const wake::ui::LiveSnapshot> snapshot);
    void error(const QString& message);
    // Kept in the alarm log already (its id set).
    void alertRaised(const wake::watch::Alert& alert);
    void watching(const QString& rulesPath, int rules);

private:
    void start();
    void onSnapshot(std::shared_ptr<const LiveSnapshot> snapshot);

    QString m_databasePath;
    QString m_recordFolder;
    QThread m_thread;
    LiveWorker* m_worker = nullptr; // lives in m_thread
    std::vector<live::LiveSourceConfig> m_sources;
    std::shared_ptr<const LiveSnapshot> m_latest;
};

} // namespace wake::ui

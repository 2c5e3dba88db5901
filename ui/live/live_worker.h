#pragma once

// The part of LiveController that lives on the live thread: opens the
// database there, owns the session and publishes snapshots.

#include "core/live/live_session.h"
#include "core/live/live_watch.h"
#include "ui/live/live_controller.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace wake::ui {

class LiveWorker : public QObject
{
    Q_OBJECT
public:
    LiveWorker(QString databasePath, QString recordFolder);
    ~LiveWorker() override;

public Q_SLOTS:
    void open();
    void addSource(const QString& name, const QString& url, bool enabled);
    void removeSource(const QString& name);
    void setSourceEnabled(const QString& name, bool enabled);
    void shutdown();
    // Watches the session with the rules file (live/live_watch.h); an empty
    // path watches for distress alone (as from the start: it is never off).
    void watch(const QString& rulesPath);

Q_SIGNALS:
    void snapshotReady(std::shared_ptr<const wake::ui::LiveSnapshot> snapshot);
    void error(const QString& message);
    void alertRaised(const wake::watch::Alert& alert);
    void watching(const QString& rulesPath, int rules);

private:
    void publish();

    QString m_databasePath;
    QString m_recordFolder;
    std::optional<store::Database> m_db;
    std::unique_ptr<live::LiveSession> m_session;
    std::unique_ptr<live::LiveWatch> m_watch;
    QTimer m_publish;
};

} // namespace wake::ui

#pragma once

// Finds events on a worker thread with its own database connection: runs the
// detectors and compares the result with what is stored, without writing.
// The window then shows what would change and keeps it only when asked
// (keepAnalysisOutput on its own connection). cancel() is safe from any
// thread.

#include "core/analysis/analyzer.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <thread>

namespace wake::ui {

class AnalysisJob : public QObject
{
    Q_OBJECT
public:
    AnalysisJob(QString databasePath, analysis::AnalysisRules rules,
                std::vector<model::VesselId> vessels = {}, QObject* parent = nullptr);
    ~AnalysisJob() override; // waits for the worker

    void start();
    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_thread.joinable() && !m_done.load(); }

    // Valid after finished() without an error.
    const analysis::AnalysisOutput& output() const { return m_output; }
    const analysis::AnalysisChanges& changes() const { return m_changes; }

Q_SIGNALS:
    void progress(qint64 vesselsDone, qint64 vesselsTotal, const QString& phase);
    // error is empty on success; cancelled when stopped before the end.
    void finished(const QString& error, bool cancelled);

private:
    void run();

    QString m_databasePath;
    analysis::AnalysisRules m_rules;
    std::vector<model::VesselId> m_vessels;
    analysis::AnalysisOutput m_output;
    analysis::AnalysisChanges m_changes;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

} // namespace wake::ui

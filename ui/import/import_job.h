#pragma once

// Runs an AIS import on a worker thread with its own database connection, so
// the window stays responsive. Progress and the end are reported through
// queued signals; cancel() is safe from any thread and stops after the line
// being read (batches already committed stay). After the files, the vessels
// they touched are analysed with the saved rules.

#include "core/io/ais_import.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <thread>

namespace wake::ui {

class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(QString databasePath, QStringList files, io::ImportOptions options = {},
              QObject* parent = nullptr);
    ~ImportJob() override; // waits for the worker

    void start();
    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_thread.joinable() && !m_done.load(); }

Q_SIGNALS:
    // fileIndex is 0-based. permille is of the current file's bytes.
    void progress(int fileIndex, int fileCount, int permille, qint64 lines, qint64 positionsStored);
    // summary: one paragraph per file, as wake import prints it.
    void finished(const QString& summary, bool failed, bool cancelled);
    // The files are in; events are being found in what they touched.
    void analysing();

private:
    void run();
    QString analyse(store::Database& db, std::vector<model::VesselId> vessels);

    QString m_databasePath;
    QStringList m_files;
    io::ImportOptions m_options;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

} // namespace wake::ui

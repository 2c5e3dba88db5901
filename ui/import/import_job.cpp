#include "import/import_job.h"

#include "store/database.h"

#include <QMetaObject>

namespace wake::ui {

ImportJob::ImportJob(QString databasePath, QStringList files, io::ImportOptions options,
                     QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_files(std::move(files)),
      m_options(options)
{}

ImportJob::~ImportJob()
{
    m_cancel.store(true);
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void ImportJob::start()
{
    m_thread = std::thread([this] { run(); });
}

void ImportJob::run()
{
    QString summary;
    bool failed = false;
    bool cancelled = false;
    auto report = [this](const QString& text, bool isFailure, bool wasCancelled) {
        m_done.store(true);
        QMetaObject::invokeMethod(
            this,
            [this, text, isFailure, wasCancelled] {
                Q_EMIT finished(text, isFailure, wasCancelled);
            },
            Qt::QueuedConnection);
    };
    auto db = store::Database::open(m_databasePath);
    if (!db) {
        report(db.error().toString(), true, false);
        return;
    }
    io::AisImporter importer(*db, m_options);
    const int count = static_cast<int>(m_files.size());
    for (int i = 0; i < count && !cancelled; ++i) {
        auto result = importer.importFile(m_files[i], [&](const io::ImportProgress& p) {
            const int permille =
                p.totalBytes > 0 ? static_cast<int>(p.bytesRead * 1000 / p.totalBytes) : 0;
            QMetaObject::invokeMethod(
                this,
                [this, i, count, permille, lines = p.lines, stored = p.positionsStored] {
                    Q_EMIT progress(i, count, permille, lines, stored);
                },
                Qt::QueuedConnection);
            return !m_cancel.load();
        });
        if (result || importer.lastSummary().lines > 0) {
            summary += io::formatImportSummary(importer.lastSummary());
        }
        if (!result) {
            summary += tr("error: %1\n").arg(result.error().toString());
            failed = true;
        }
        cancelled = importer.lastSummary().cancelled || m_cancel.load();
    }
    report(summary, failed, cancelled);
}

} // namespace wake::ui

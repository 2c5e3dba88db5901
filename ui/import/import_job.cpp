#include "ui/import/import_job.h"

#include "core/analysis/analyzer.h"
#include "core/analysis/rules_settings.h"
#include "core/reference/port_index.h"
#include "core/store/database.h"

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

QString ImportJob::analyse(store::Database& db, std::vector<model::VesselId> vessels)
{
    auto ports = reference::PortIndex::loadBuiltIn();
    if (!ports) {
        return tr("analysis: %1\n").arg(ports.error().toString());
    }
    auto shore = analysis::ShoreDistance::builtIn(*ports);
    if (!shore) {
        return tr("analysis: %1\n").arg(shore.error().toString());
    }
    const analysis::AnalysisRules rules = analysis::loadSavedRules();
    analysis::Analyzer analyzer(db, *ports, *shore, rules);
    auto output = analyzer.run(
        std::move(vessels), [this](const analysis::AnalysisProgress&) { return !m_cancel.load(); });
    if (!output) {
        return tr("analysis: %1\n").arg(output.error().toString());
    }
    if (output->cancelled) {
        return tr("Analysis stopped: the events of the imported vessels were not updated.\n");
    }
    if (Status s = analyzer.keep(*output); !s) {
        return tr("analysis: %1\n").arg(s.error().toString());
    }
    return tr("Analysis (%1 rules) of %2 vessel(s): %3; %4 voyage(s).\n")
        .arg(rules.preset)
        .arg(output->vessels.size())
        .arg(analysis::describeCounts(output->countByKind()))
        .arg(output->voyages.size());
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
    std::vector<model::VesselId> touched;
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
        touched.insert(touched.end(), importer.lastSummary().touchedVessels.begin(),
                       importer.lastSummary().touchedVessels.end());
    }
    // Events and voyages follow the data: what the import touched is analysed
    // again with the saved rules (a stopped import is not).
    if (!cancelled && !touched.empty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT analysing(); }, Qt::QueuedConnection);
        summary += analyse(*db, std::move(touched));
    }
    report(summary, failed, cancelled);
}

} // namespace wake::ui

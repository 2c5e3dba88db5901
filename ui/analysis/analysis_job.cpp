#include "ui/analysis/analysis_job.h"

#include "core/reference/port_index.h"

#include <QMetaObject>

namespace wake::ui {

AnalysisJob::AnalysisJob(QString databasePath, analysis::AnalysisRules rules,
                         std::vector<model::VesselId> vessels, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_rules(std::move(rules)),
      m_vessels(std::move(vessels))
{}

AnalysisJob::~AnalysisJob()
{
    m_cancel.store(true);
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void AnalysisJob::start()
{
    m_thread = std::thread([this] { run(); });
}

void AnalysisJob::run()
{
    auto report = [this](const QString& error, bool cancelled) {
        m_done.store(true);
        QMetaObject::invokeMethod(
            this, [this, error, cancelled] { Q_EMIT finished(error, cancelled); },
            Qt::QueuedConnection);
    };
    auto db = store::Database::open(m_databasePath);
    if (!db) {
        report(db.error().toString(), false);
        return;
    }
    auto ports = reference::PortIndex::loadBuiltIn();
    if (!ports) {
        report(ports.error().toString(), false);
        return;
    }
    auto shore = analysis::ShoreDistance::builtIn(*ports);
    if (!shore) {
        report(shore.error().toString(), false);
        return;
    }
    analysis::Analyzer analyzer(*db, *ports, *shore, m_rules);
    auto output = analyzer.run(m_vessels, [this](const analysis::AnalysisProgress& p) {
        QMetaObject::invokeMethod(
            this,
            [this, done = p.vesselsDone, total = p.vesselsTotal, phase = p.phase] {
                Q_EMIT progress(done, total, phase);
            },
            Qt::QueuedConnection);
        return !m_cancel.load();
    });
    if (!output) {
        report(output.error().toString(), false);
        return;
    }
    if (output->cancelled) {
        report({}, true);
        return;
    }
    auto changes = analyzer.compare(*output);
    if (!changes) {
        report(changes.error().toString(), false);
        return;
    }
    m_output = std::move(output).value();
    m_changes = std::move(changes).value();
    report({}, false);
}

} // namespace wake::ui

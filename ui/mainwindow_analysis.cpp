// MainWindow: the Analysis menu — finding events with the saved rules on a
// worker thread, editing the rules, and showing what a run would change
// before it is kept.

#include "core/analysis/rules_settings.h"
#include "ui/analysis/analysis_job.h"
#include "ui/analysis/changes_dialog.h"
#include "ui/analysis/rules_dialog.h"
#include "ui/mainwindow.h"

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>

namespace wake::ui {

void MainWindow::buildAnalysisMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Analysis"));
    QAction* run = menu->addAction(tr("&Find events in all vessels"), this,
                                   [this] { runAnalysis(analysis::loadSavedRules()); });
    run->setObjectName(QStringLiteral("runAnalysisAction"));
    run->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAction* rules = menu->addAction(tr("&Rules..."), this, &MainWindow::editAnalysisRules);
    rules->setObjectName(QStringLiteral("analysisRulesAction"));
}

void MainWindow::editAnalysisRules()
{
    auto* dialog = new RulesDialog(analysis::loadSavedRules(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const analysis::AnalysisRules rules = dialog->rules();
        analysis::saveRules(rules);
        statusBar()->showMessage(tr("Rules saved (%1)").arg(rules.preset), 5000);
        runAnalysis(rules);
    });
    dialog->open();
}

bool MainWindow::isAnalysing() const
{
    return m_analysis && m_analysis->isRunning();
}

void MainWindow::runAnalysis(const analysis::AnalysisRules& rules)
{
    if (isAnalysing() || isImporting()) {
        QMessageBox::information(this, tr("Wake"),
                                 tr("Wait for the running import or analysis to finish first."));
        return;
    }
    m_analysis = std::make_unique<AnalysisJob>(m_db.target(), rules);
    auto* progress = new QProgressDialog(tr("Finding events..."), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("analysisProgress"));
    progress->setWindowTitle(tr("Analysis"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, m_analysis.get(), &AnalysisJob::cancel);
    connect(m_analysis.get(), &AnalysisJob::progress, progress,
            [progress](qint64 done, qint64 total, const QString& phase) {
                progress->setMaximum(static_cast<int>(total));
                progress->setValue(static_cast<int>(done));
                progress->setLabelText(
                    tr("Finding events (%1): %2 of %3 vessels").arg(phase).arg(done).arg(total));
            });
    connect(m_analysis.get(), &AnalysisJob::finished, this,
            [this, progress](const QString& error, bool cancelled) {
                progress->close();
                onAnalysisFinished(error, cancelled);
            });
    statusBar()->showMessage(tr("Finding events..."));
    m_analysis->start();
}

void MainWindow::onAnalysisFinished(const QString& error, bool cancelled)
{
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Analysis failed"), 10000);
        QMessageBox::warning(this, tr("Analysis failed"), error);
        return;
    }
    if (cancelled) {
        statusBar()->showMessage(tr("Analysis stopped; nothing was changed"), 10000);
        return;
    }
    auto* dialog = new ChangesDialog(m_analysis->output(), m_analysis->changes(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        if (Status s = analysis::keepAnalysisOutput(m_db, m_analysis->output()); !s) {
            showError(tr("Cannot store the analysis results"), s.error());
            return;
        }
        statusBar()->showMessage(tr("Analysis results kept"), 10000);
        if (m_selected) {
            showVessel(*m_selected);
        }
        Q_EMIT analysisKept();
    });
    connect(dialog, &QDialog::rejected, this,
            [this] { statusBar()->showMessage(tr("Analysis results discarded"), 10000); });
    dialog->open();
    Q_EMIT analysisShown();
}

} // namespace wake::ui

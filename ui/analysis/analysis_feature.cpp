#include "ui/analysis/analysis_feature.h"

#include "core/analysis/rules_settings.h"
#include "ui/analysis/analysis_job.h"
#include "ui/analysis/changes_dialog.h"
#include "ui/analysis/rules_dialog.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>

namespace wake::ui {

AnalysisFeature::AnalysisFeature(Shell& shell) : QObject(shell.window()), m_shell(shell)
{
    QMenu* menu = shell.menu(MenuId::Analysis);
    QAction* find = menu->addAction(tr("&Find events in all vessels"), this,
                                    [this] { run(analysis::loadSavedRules()); });
    find->setObjectName(QStringLiteral("runAnalysisAction"));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAction* rules = menu->addAction(tr("&Rules..."), this, &AnalysisFeature::editRules);
    rules->setObjectName(QStringLiteral("analysisRulesAction"));
}

AnalysisFeature::~AnalysisFeature() = default;

void AnalysisFeature::editRules()
{
    auto* dialog = new RulesDialog(analysis::loadSavedRules(), m_shell.window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const analysis::AnalysisRules rules = dialog->rules();
        analysis::saveRules(rules);
        m_shell.statusBar()->showMessage(tr("Rules saved (%1)").arg(rules.preset), 5000);
        run(rules);
    });
    dialog->open();
}

bool AnalysisFeature::isRunning() const
{
    return m_job && m_job->isRunning();
}

void AnalysisFeature::run(const analysis::AnalysisRules& rules)
{
    if (m_shell.session().isWorking()) {
        QMessageBox::information(m_shell.window(), tr("Wake"),
                                 tr("Wait for the running import or analysis to finish first."));
        return;
    }
    m_shell.session().beginWork();
    m_job = std::make_unique<AnalysisJob>(m_shell.session().db().target(), rules);
    auto* progress =
        new QProgressDialog(tr("Finding events..."), tr("Cancel"), 0, 0, m_shell.window());
    progress->setObjectName(QStringLiteral("analysisProgress"));
    progress->setWindowTitle(tr("Analysis"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, m_job.get(), &AnalysisJob::cancel);
    connect(m_job.get(), &AnalysisJob::progress, progress,
            [progress](qint64 done, qint64 total, const QString& phase) {
                progress->setMaximum(static_cast<int>(total));
                progress->setValue(static_cast<int>(done));
                progress->setLabelText(
                    tr("Finding events (%1): %2 of %3 vessels").arg(phase).arg(done).arg(total));
            });
    connect(m_job.get(), &AnalysisJob::finished, this,
            [this, progress](const QString& error, bool cancelled) {
                progress->close();
                m_shell.session().endWork();
                onFinished(error, cancelled);
            });
    m_shell.statusBar()->showMessage(tr("Finding events..."));
    m_job->start();
}

void AnalysisFeature::onFinished(const QString& error, bool cancelled)
{
    if (!error.isEmpty()) {
        m_shell.statusBar()->showMessage(tr("Analysis failed"), 10000);
        QMessageBox::warning(m_shell.window(), tr("Analysis failed"), error);
        return;
    }
    if (cancelled) {
        m_shell.statusBar()->showMessage(tr("Analysis stopped; nothing was changed"), 10000);
        return;
    }
    auto* dialog = new ChangesDialog(m_job->output(), m_job->changes(), m_shell.window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        if (Status s = analysis::keepAnalysisOutput(m_shell.session().db(), m_job->output()); !s) {
            m_shell.showError(tr("Cannot store the analysis results"), s.error());
            return;
        }
        m_shell.statusBar()->showMessage(tr("Analysis results kept"), 10000);
        m_shell.session().notifyStoreChanged();
        Q_EMIT kept();
    });
    connect(dialog, &QDialog::rejected, this,
            [this] { m_shell.statusBar()->showMessage(tr("Analysis results discarded"), 10000); });
    dialog->open();
    Q_EMIT shown();
}

} // namespace wake::ui

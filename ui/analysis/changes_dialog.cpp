#include "ui/analysis/changes_dialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wake::ui {

ChangesDialog::ChangesDialog(const analysis::AnalysisOutput& output,
                             const analysis::AnalysisChanges& changes, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("analysisChanges"));
    setWindowTitle(tr("Analysis results"));
    auto* layout = new QVBoxLayout(this);
    auto* summary = new QLabel(
        tr("%1 vessel(s), %2 positions: %3; %4 voyage(s).\n%5 event(s) would be added, %6 "
           "removed, %7 stay as they are.")
            .arg(output.vessels.size())
            .arg(output.pointsRead)
            .arg(analysis::describeCounts(output.countByKind()))
            .arg(output.voyages.size())
            .arg(changes.added.size())
            .arg(changes.removed.size())
            .arg(changes.unchanged),
        this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("analysisChangesList"));
    m_list->setRootIsDecorated(true);
    m_list->setHeaderLabels({tr("Change"), tr("Time (UTC)"), tr("Vessel"), tr("Event")});
    // Long lists stay readable: the first thousand of each are shown.
    constexpr std::size_t kMaxListed = 1000;
    for (const auto& [title, events] :
         {std::pair{tr("Added"), &changes.added}, std::pair{tr("Removed"), &changes.removed}}) {
        auto* group =
            new QTreeWidgetItem(m_list, {QStringLiteral("%1 (%2)").arg(title).arg(events->size())});
        for (std::size_t i = 0; i < events->size() && i < kMaxListed; ++i) {
            const model::Event& e = (*events)[i];
            new QTreeWidgetItem(group, {title,
                                        QDateTime::fromMSecsSinceEpoch(e.time.startUtcMs, Qt::UTC)
                                            .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                        QString::number(e.vesselId.value_or(0)), e.title});
        }
        group->setExpanded(events->size() <= 50);
    }
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    layout->addWidget(m_list, 1);
    auto* buttons = new QDialogButtonBox(this);
    auto* keep = buttons->addButton(tr("&Keep these results"), QDialogButtonBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepAnalysis"));
    keep->setDefault(true);
    buttons->addButton(tr("&Discard"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 480);
}

} // namespace wake::ui

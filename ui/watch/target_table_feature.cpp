#include "ui/watch/target_table_feature.h"

#include "ui/live/live_feature.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/shell.h"
#include "ui/watch/target_table_model.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace wake::ui {

TargetTableFeature::TargetTableFeature(Shell& shell, LiveFeature& live)
    : QObject(shell.window()), m_shell(shell)
{
    m_dock = new QDockWidget(tr("Targets"), shell.window());
    m_dock->setObjectName(QStringLiteral("targetsDock"));
    auto* body = new QWidget(m_dock);
    auto* layout = new QVBoxLayout(body);
    m_filter = new QLineEdit(body);
    m_filter->setPlaceholderText(tr("Filter by name or MMSI"));
    m_filter->setAccessibleName(tr("Filter the targets"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_model = new TargetTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TargetTableModel::kSortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // name or MMSI, any column's text
    m_view = new QTableView(body);
    m_view->setAccessibleName(tr("Live targets"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TargetTableModel::Range, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(TargetTableModel::Name, QHeaderView::Stretch);
    layout->addWidget(m_view);
    m_dock->setWidget(body);
    m_dock->setProperty("tabifyWith", QStringLiteral("eventsDock"));
    shell.addDock(m_dock, Qt::BottomDockWidgetArea);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            [this](const QString& text) { m_proxy->setFilterFixedString(text.trimmed()); });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const auto id = index.data(TargetTableModel::kVesselRole).toLongLong();
        if (id != 0) {
            m_shell.selection().select(id, true);
        }
    });
    connect(&live, &LiveFeature::snapshotReady, this, &TargetTableFeature::setSnapshot);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_latest) {
            m_model->setSnapshot(m_latest);
        }
    });
}

void TargetTableFeature::setSnapshot(const std::shared_ptr<const LiveSnapshot>& snapshot)
{
    m_latest = snapshot;
    if (!m_dock->isVisible()) {
        return; // nobody looks (closed, or a tab behind another): no work
    }
    m_model->setSnapshot(snapshot);
}

} // namespace wake::ui

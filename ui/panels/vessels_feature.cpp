#include "ui/panels/vessels_feature.h"

#include "ui/panels/vessel_list_model.h"
#include "ui/replay/replay_feature.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QScopeGuard>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace wake::ui {

VesselsFeature::VesselsFeature(Shell& shell, ReplayFeature& replay)
    : QObject(shell.window()), m_shell(shell)
{
    m_model = new VesselListModel(shell.session().flags(), this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // One prepared text per row (name, MMSI, IMO, call sign, flag code and
    // country, type) keeps filtering 100,000 rows to one string match each.
    m_proxy->setFilterRole(VesselListModel::kFilterTextRole);
    m_proxy->setFilterKeyColumn(VesselListModel::Name);
    m_proxy->setSortRole(Qt::UserRole);
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit(panel);
    m_filter->setPlaceholderText(tr("Filter by name, MMSI, IMO, call sign, flag, type"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("vesselFilter"));
    m_filter->setAccessibleName(tr("Filter the vessels"));
    // Ctrl+F: type a name, MMSI or IMO at once; Down then moves into the list.
    auto* find = new QAction(tr("Find vessel"), shell.window());
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    shell.window()->addAction(find);
    m_view = new QTableView(panel);
    m_view->setObjectName(QStringLiteral("vesselView"));
    m_view->setAccessibleName(tr("Vessels"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(VesselListModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_count = new QLabel(panel);
    m_count->setObjectName(QStringLiteral("vesselCount"));
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_count);
    auto* dock = new QDockWidget(tr("Vessels"), shell.window());
    dock->setObjectName(QStringLiteral("vesselsDock"));
    dock->setWidget(panel);
    shell.addDock(dock, Qt::LeftDockWidgetArea);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_selectingRow || !current.isValid()) {
                    return;
                }
                const auto id = current.data(VesselListModel::kVesselIdRole).toLongLong();
                if (m_shell.selection().id() != id) {
                    m_shell.selection().select(id);
                }
            });
    // Double-click a vessel: frame what is replayed.
    connect(m_view, &QTableView::doubleClicked, &replay, &ReplayFeature::fitRange);
    connect(&shell.selection(), &SelectedVessel::vesselChanged, this,
            [this] { showSelectionInList(); });
    connect(&shell.session(), &Session::databaseChanged, this, [this] { reload(true); });
    // New vessels after an import; the first is chosen when none was (an
    // import into an empty database).
    connect(&shell.session(), &Session::storeChanged, this, [this] { reload(true); });
}

void VesselsFeature::reload(bool selectFirst)
{
    auto vessels = m_shell.session().db().listVessels();
    if (!vessels) {
        m_shell.showError(tr("Cannot list the vessels"), vessels.error());
        return;
    }
    m_model->setVessels(std::move(vessels).value());
    updateCount();
    if (selectFirst && !m_shell.selection().id() && m_proxy->rowCount() > 0) {
        m_view->selectRow(0);
    } else {
        showSelectionInList();
    }
}

void VesselsFeature::merge(std::vector<model::Vessel> vessels)
{
    m_model->mergeVessels(std::move(vessels));
    updateCount();
}

const model::Vessel* VesselsFeature::vessel(model::VesselId id) const
{
    return m_model->vesselAt(m_model->rowOf(id));
}

void VesselsFeature::showSelectionInList()
{
    const auto id = m_shell.selection().id();
    if (!id) {
        return;
    }
    const int row = m_model->rowOf(*id);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid() || m_view->currentIndex().row() == index.row()) {
        return; // filtered out of the list (still shown in the details), or there
    }
    m_selectingRow = true;
    const auto done = qScopeGuard([this] { m_selectingRow = false; });
    m_view->selectRow(index.row());
    m_view->scrollTo(index);
}

void VesselsFeature::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == all ? tr("%n vessel(s)", nullptr, all)
                                  : tr("%n vessel(s) shown of %1", nullptr, shown).arg(all));
}

} // namespace wake::ui

#include "ui/panels/vessel_list_model.h"

#include "core/ais/ais_texts.h"
#include "core/reference/ais_tables.h"
#include "core/reference/flag_states.h"
#include "core/tracks/mmsi_identity.h"
#include "ui/flag_icons.h"

#include <unordered_map>

namespace wake::ui {

VesselListModel::VesselListModel(const reference::FlagStates* flags, QObject* parent)
    : QAbstractTableModel(parent), m_flags(flags)
{}

void VesselListModel::setVessels(std::vector<model::Vessel> vessels)
{
    beginResetModel();
    m_vessels = std::move(vessels);
    countMmsis();
    endResetModel();
}

void VesselListModel::countMmsis()
{
    m_vesselsPerMmsi.clear();
    for (const model::Vessel& v : m_vessels) {
        if (v.mmsi) {
            ++m_vesselsPerMmsi[*v.mmsi];
        }
    }
}

QString VesselListModel::mmsiText(const model::Vessel& v, bool toolTip) const
{
    if (!v.mmsi) {
        return tr("not published");
    }
    const QString number = QString::number(*v.mmsi);
    const tracks::MmsiProblem problem = tracks::mmsiProblem(*v.mmsi);
    if (!tracks::isUniqueIdentity(problem)) {
        return toolTip ? tr("%1: %2, not a unique identity (several boats may use it)")
                             .arg(number, tracks::describe(problem))
                       : tr("%1 (not unique)").arg(number);
    }
    const auto it = m_vesselsPerMmsi.find(*v.mmsi);
    const int sharing = it == m_vesselsPerMmsi.end() ? 1 : it->second;
    if (sharing > 1) {
        return toolTip ? tr("MMSI %1 is shared with %n other transmitter(s): each is a vessel of "
                            "its own, told apart by its track",
                            nullptr, sharing - 1)
                             .arg(number)
                       : tr("%1 (shared ×%2)").arg(number).arg(sharing);
    }
    return number;
}

void VesselListModel::mergeVessels(std::vector<model::Vessel> vessels)
{
    std::unordered_map<model::VesselId, std::size_t> rows;
    rows.reserve(m_vessels.size());
    for (std::size_t i = 0; i < m_vessels.size(); ++i) {
        rows.emplace(m_vessels[i].id, i);
    }
    std::vector<model::Vessel> added;
    for (model::Vessel& v : vessels) {
        const auto it = rows.find(v.id);
        if (it == rows.end()) {
            added.push_back(std::move(v));
            continue;
        }
        model::Vessel& old = m_vessels[it->second];
        if (old.name != v.name || old.aisShipType != v.aisShipType || old.callSign != v.callSign ||
            old.imo != v.imo || old.flagAlpha2 != v.flagAlpha2) {
            old = std::move(v);
            const int row = static_cast<int>(it->second);
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
    }
    if (added.empty()) {
        return;
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (model::Vessel& v : added) {
        m_vessels.push_back(std::move(v));
    }
    countMmsis();
    endInsertRows();
    // A new vessel on a known MMSI changes how the others' MMSI reads.
    Q_EMIT dataChanged(index(0, Mmsi), index(rowCount() - 1, Mmsi));
}

const model::Vessel* VesselListModel::vesselAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_vessels[static_cast<std::size_t>(row)] : nullptr;
}

int VesselListModel::rowOf(model::VesselId id) const
{
    for (std::size_t i = 0; i < m_vessels.size(); ++i) {
        if (m_vessels[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int VesselListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_vessels.size());
}

int VesselListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VesselListModel::typeText(const model::Vessel& v)
{
    return reference::vesselTypeText(v.vesselType, v.aisShipType);
}

QString VesselListModel::filterText(const model::Vessel& v) const
{
    QStringList parts{v.displayName()};
    if (v.mmsi) {
        parts << QString::number(*v.mmsi);
    }
    if (v.imo) {
        parts << QString::number(*v.imo);
    }
    if (v.callSign) {
        parts << *v.callSign;
    }
    if (v.flagAlpha2) {
        parts << *v.flagAlpha2;
        if (m_flags != nullptr) {
            parts << m_flags->countryName(*v.flagAlpha2);
        }
    }
    parts << typeText(v);
    return parts.join(QLatin1Char('\n'));
}

QVariant VesselListModel::data(const QModelIndex& index, int role) const
{
    const model::Vessel* v = vesselAt(index.row());
    if (v == nullptr) {
        return {};
    }
    if (role == kVesselIdRole) {
        return QVariant::fromValue<qlonglong>(v->id);
    }
    if (role == kFilterTextRole) {
        return filterText(*v);
    }
    if (role == Qt::DecorationRole && index.column() == Flag && v->flagAlpha2) {
        return flagIcon(*v->flagAlpha2);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::UserRole) {
        return {};
    }
    const bool sortKey = role == Qt::UserRole;
    switch (index.column()) {
    case Name:
        return v->displayName();
    case Mmsi:
        if (sortKey) {
            return v->mmsi ? qlonglong{*v->mmsi} : qlonglong{-1};
        }
        return mmsiText(*v, role == Qt::ToolTipRole);
    case Imo:
        if (v->imo) {
            return sortKey ? QVariant(qlonglong{*v->imo}) : QVariant(QString::number(*v->imo));
        }
        return sortKey ? QVariant(qlonglong{-1}) : QVariant();
    case CallSign:
        return v->callSign.value_or(QString());
    case Flag: {
        if (!v->flagAlpha2) {
            return {};
        }
        const QString name = m_flags != nullptr ? m_flags->countryName(*v->flagAlpha2) : QString();
        return role == Qt::ToolTipRole && !name.isEmpty() ? name : *v->flagAlpha2;
    }
    case Type:
        return typeText(*v);
    default:
        return {};
    }
}

QVariant VesselListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Mmsi:
        return tr("MMSI");
    case Imo:
        return tr("IMO");
    case CallSign:
        return tr("Call sign");
    case Flag:
        return tr("Flag");
    case Type:
        return tr("Type");
    default:
        return {};
    }
}

} // namespace wake::ui

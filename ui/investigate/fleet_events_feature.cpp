#include "ui/investigate/fleet_events_feature.h"

#include "core/export/track_export.h"
#include "core/investigate/fleet_query.h"
#include "ui/investigate/fleet_events_model.h"
#include "ui/investigate/port_calls_dialog.h"
#include "ui/map/map_widget.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>

namespace wake::ui {

class FleetEventsProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setQuery(FleetEventsQuery query)
    {
        m_query = std::move(query);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex&) const override
    {
        const auto* m = static_cast<const FleetEventsModel*>(sourceModel());
        const model::Event& e = m->eventAt(row);
        if (m_query.kind && e.kind != *m_query.kind) {
            return false;
        }
        if (m_query.fromUtcMs && e.time.endUtcMs < *m_query.fromUtcMs) {
            return false;
        }
        if (m_query.toUtcMs && e.time.startUtcMs > *m_query.toUtcMs) {
            return false;
        }
        if (static_cast<int>(e.attribution.confidence) < static_cast<int>(m_query.minConfidence)) {
            return false;
        }
        return investigate::passes(e, m_query.fleet, m->facts());
    }

private:
    FleetEventsQuery m_query;
};

namespace {

QString csvField(const QString& text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n'))) {
        return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    }
    return text;
}

// "2020-01-01", "2020-01-01T10:00Z": UTC; empty: no bound.
std::optional<std::optional<std::int64_t>> parseTime(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        return std::optional<std::int64_t>();
    }
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
        if (!d.isValid()) {
            return std::nullopt;
        }
        t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeSpec(Qt::UTC); // times without a zone are UTC, as everywhere in Wake
    }
    return std::optional<std::int64_t>(t.toMSecsSinceEpoch());
}

void markField(QLineEdit* field, const QString& problem)
{
    field->setStyleSheet(problem.isEmpty() ? QString()
                                           : QStringLiteral("QLineEdit{border:2px solid #d55e00}"));
    field->setToolTip(problem.isEmpty() ? field->placeholderText() : problem);
}

} // namespace

FleetEventsFeature::FleetEventsFeature(Shell& shell) : QObject(shell.window()), m_shell(shell)
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* bar = new QWidget;
    buildFilterBar(bar);
    layout->addWidget(bar);
    m_model = new FleetEventsModel(this);
    m_proxy = new FleetEventsProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FleetEventsModel::kSortRole);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("fleetEventsView"));
    m_view->setAccessibleName(tr("Events of all vessels"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FleetEventsModel::Time, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(FleetEventsModel::Title, QHeaderView::Stretch);
    // Widths in the font's units; measuring every row would cost seconds on a big day.
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (auto [column, ems] : {std::pair{FleetEventsModel::Time, 13},
                               {FleetEventsModel::Vessel, 14},
                               {FleetEventsModel::Kind, 9},
                               {FleetEventsModel::Flag, 4},
                               {FleetEventsModel::Type, 11},
                               {FleetEventsModel::Listed, 6},
                               {FleetEventsModel::Confidence, 7}}) {
        m_view->setColumnWidth(column, ems * em);
    }
    connect(m_view, &QTableView::activated, this, &FleetEventsFeature::open);
    layout->addWidget(m_view);

    m_dock = new QDockWidget(tr("All events"), shell.window());
    m_dock->setObjectName(QStringLiteral("fleetEventsDock"));
    m_dock->setProperty("tabifyWith", QStringLiteral("eventsDock"));
    m_dock->setWidget(panel);
    shell.addDock(m_dock, Qt::BottomDockWidgetArea);
    // Read when first shown, and again when the store changes while shown.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale) {
            reload();
        }
    });
    auto changed = [this] {
        m_stale = true;
        if (m_dock->isVisible()) {
            reload();
        }
    };
    connect(&shell.session(), &Session::databaseChanged, this, changed);
    connect(shell.map(), &MapWidget::portClicked, this,
            [this](const QString& name, const QString& locode) { showPortCalls(name, locode); });
    connect(&shell.session(), &Session::storeChanged, this, changed);
}

void FleetEventsFeature::buildFilterBar(QWidget* bar)
{
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_kind = new QComboBox;
    m_kind->setAccessibleName(tr("Kind of event"));
    m_kind->addItem(tr("All kinds"));
    for (int k = 0; k <= static_cast<int>(model::EventKind::SpoofingSuspected); ++k) {
        const auto kind = static_cast<model::EventKind>(k);
        m_kind->addItem(model::displayName(kind), model::toString(kind));
    }
    m_confidence = new QComboBox;
    m_confidence->setAccessibleName(tr("Lowest confidence"));
    m_confidence->addItem(tr("Any confidence"), static_cast<int>(model::Confidence::Unknown));
    m_confidence->addItem(tr("Low or better"), static_cast<int>(model::Confidence::Low));
    m_confidence->addItem(tr("Medium or better"), static_cast<int>(model::Confidence::Medium));
    m_confidence->addItem(tr("High"), static_cast<int>(model::Confidence::High));
    auto field = [&](const QString& placeholder, const QString& name, int width) {
        auto* e = new QLineEdit;
        e->setPlaceholderText(placeholder);
        e->setToolTip(placeholder);
        e->setAccessibleName(name);
        e->setClearButtonEnabled(true);
        e->setMaximumWidth(width);
        connect(e, &QLineEdit::editingFinished, this, &FleetEventsFeature::applyFilters);
        return e;
    };
    const int em = bar->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_flag = field(tr("Flag (PA)"), tr("Flag"), 7 * em);
    m_type = field(tr("AIS type (70) or class (7)"), tr("Ship type"), 9 * em);
    m_area = field(tr("Area: a kept area's name, LAT1,LON1,LAT2,LON2 or a .geojson/.kml file"),
                   tr("Area"), 18 * em);
    m_from = field(tr("From (2020-01-01T00:00Z)"), tr("From"), 12 * em);
    m_to = field(tr("To"), tr("To"), 12 * em);
    m_listed = new QCheckBox(tr("Listed ships only"));
    m_listed->setToolTip(tr("Events of a ship on a sanctions or watch list, or meetings with one"));
    m_count = new QLabel;
    auto* csv = new QPushButton(tr("Export CSV..."));
    csv->setObjectName(QStringLiteral("fleetEventsCsv"));
    connect(csv, &QPushButton::clicked, this, &FleetEventsFeature::chooseCsvFile);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &FleetEventsFeature::applyFilters);
    connect(m_confidence, &QComboBox::currentIndexChanged, this, &FleetEventsFeature::applyFilters);
    connect(m_listed, &QCheckBox::toggled, this, &FleetEventsFeature::applyFilters);
    for (QWidget* w : std::initializer_list<QWidget*>{m_kind, m_confidence, m_flag, m_type, m_area,
                                                      m_from, m_to, m_listed}) {
        row->addWidget(w);
    }
    row->addStretch();
    row->addWidget(m_count);
    row->addWidget(csv);
}

void FleetEventsFeature::reload()
{
    store::Database& db = m_shell.session().db();
    auto events = db.events({});
    auto facts = investigate::loadFleetFacts(db, true);
    if (!events || !facts) {
        m_shell.showError(tr("Cannot read the events"), events ? facts.error() : events.error());
        return;
    }
    m_model->setData(std::move(events).value(), std::move(facts).value());
    m_stale = false;
    applyFilters();
}

void FleetEventsFeature::applyFilters()
{
    FleetEventsQuery q;
    if (m_kind->currentIndex() > 0) {
        q.kind = model::eventKindFromString(m_kind->currentData().toString());
    }
    q.minConfidence = static_cast<model::Confidence>(m_confidence->currentData().toInt());
    // A field that cannot be read says why and is left out, never guessed.
    const QString flag = m_flag->text().trimmed().toUpper();
    const bool flagOk =
        flag.isEmpty() || (flag.size() == 2 && flag[0].isLetter() && flag[1].isLetter());
    markField(m_flag, flagOk ? QString() : tr("A flag is a two-letter ISO code: PA, LR, KP"));
    if (!flag.isEmpty() && flagOk) {
        q.fleet.flag = flag;
    }
    bool typeOk = true;
    if (!m_type->text().trimmed().isEmpty()) {
        const int type = m_type->text().trimmed().toInt(&typeOk);
        typeOk = typeOk && type >= 1 && type <= 99;
        if (typeOk) {
            q.fleet.shipType = type;
        }
    }
    markField(m_type, typeOk ? QString() : tr("An AIS ship type is 10-99, a class 1-9"));
    if (!m_area->text().trimmed().isEmpty()) {
        // A kept area by its name, else two corners or a file.
        auto area = investigate::findArea(m_shell.session().db(), m_area->text().trimmed());
        markField(m_area, area ? QString() : area.error().toString());
        if (area) {
            q.fleet.area = std::move(area).value();
        }
    } else {
        markField(m_area, {});
    }
    for (auto [field, bound] : {std::pair{m_from, &q.fromUtcMs}, std::pair{m_to, &q.toUtcMs}}) {
        const auto t = parseTime(field->text());
        markField(field, t ? QString() : tr("A time is 2020-01-01 or 2020-01-01T10:00Z (UTC)"));
        if (t) {
            *bound = *t;
        }
    }
    if (m_listed->isChecked()) {
        q.fleet.listed = true;
    }
    m_proxy->setQuery(std::move(q));
    m_count->setText(tr("%1 of %2 events").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

int FleetEventsFeature::shownRows() const
{
    return m_proxy->rowCount();
}

Status FleetEventsFeature::exportCsv(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    QString out = QStringLiteral("event_id,start_utc,end_utc,time_as_reported,vessel_id,vessel,"
                                 "other_vessel_id,other_vessel,kind,title,lat,lon,flag,ais_type,"
                                 "listed,confidence\n");
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const int row = m_proxy->mapToSource(m_proxy->index(r, 0)).row();
        const model::Event& e = m_model->eventAt(row);
        const auto vessel = e.vesselId ? m_model->facts().vessels.find(*e.vesselId)
                                       : m_model->facts().vessels.end();
        const bool known = vessel != m_model->facts().vessels.end();
        QStringList f{QString::number(e.id),
                      exporting::isoUtc(e.time.startUtcMs),
                      exporting::isoUtc(e.time.endUtcMs),
                      model::formatTimeSpan(e.time),
                      e.vesselId ? QString::number(*e.vesselId) : QString(),
                      m_model->vesselName(e.vesselId),
                      e.otherVesselId ? QString::number(*e.otherVesselId) : QString(),
                      m_model->vesselName(e.otherVesselId),
                      model::toString(e.kind),
                      e.title,
                      e.position ? QString::number(e.position->latDeg, 'f', 6) : QString(),
                      e.position ? QString::number(e.position->lonDeg, 'f', 6) : QString(),
                      known && vessel->second.flagAlpha2 ? *vessel->second.flagAlpha2 : QString(),
                      known && vessel->second.aisShipType
                          ? QString::number(*vessel->second.aisShipType)
                          : QString(),
                      m_model->isListed(e) ? QStringLiteral("yes") : QStringLiteral("no"),
                      model::toString(e.attribution.confidence)};
        for (QString& s : f) {
            s = csvField(s);
        }
        out += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    file.write(out.toUtf8());
    if (!file.commit()) {
        return Error{Error::Code::Io, file.errorString(), path};
    }
    return {};
}

void FleetEventsFeature::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(
        m_shell.window(), tr("Export the events shown"),
        QDir::home().filePath(QStringLiteral("wake-events.csv")), tr("CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (Status s = exportCsv(path); !s) {
        m_shell.showError(tr("Cannot export the events"), s.error());
        return;
    }
    m_shell.statusBar()->showMessage(tr("Exported %1 events to %2").arg(shownRows()).arg(path),
                                     8000);
}

PortCallsDialog* FleetEventsFeature::showPortCalls(const QString& name, const QString& locode)
{
    store::Database& db = m_shell.session().db();
    auto events = db.events({});
    auto vessels = db.listVessels();
    if (!events || !vessels) {
        m_shell.showError(tr("Cannot read the port calls"),
                          events ? vessels.error() : events.error());
        return nullptr;
    }
    std::map<model::VesselId, QString> names;
    for (const model::Vessel& v : *vessels) {
        names.emplace(v.id, v.displayName());
    }
    const auto calls =
        callsAt(investigate::portCalls(*events, m_shell.session().flags()), name, locode);
    auto* dialog =
        new PortCallsDialog(locode.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, locode),
                            calls, names, m_shell.window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PortCallsDialog::vesselChosen, this,
            [this](qint64 id) { m_shell.selection().select(id); });
    dialog->show();
    return dialog;
}

void FleetEventsFeature::open(const QModelIndex& index)
{
    const QVariant id = m_proxy->data(index, FleetEventsModel::kVesselIdRole);
    if (id.isValid()) {
        m_shell.selection().select(id.toLongLong());
    }
}

} // namespace wake::ui

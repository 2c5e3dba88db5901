#include "ui/replay/events_feature.h"

#include "core/geo/web_mercator.h"
#include "ui/map/map_widget.h"
#include "ui/panels/events_model.h"
#include "ui/replay/event_card.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/replay_feature.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QScopeGuard>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUrl>

namespace wake::ui {

EventsFeature::EventsFeature(Shell& shell, ReplayFeature& replay)
    : QObject(shell.window()), m_shell(shell), m_replay(replay)
{
    m_card = new EventCard(shell.window());
    m_model = new EventsModel(this);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("eventsView"));
    m_view->setAccessibleName(tr("Events of the selected vessel"));
    m_view->setAccessibleDescription(
        tr("Arrow keys move the replay to an event; Enter opens its card"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(EventsModel::Title, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    // Events of one kind at a time when a vessel has hundreds of port visits.
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("eventKindFilter"));
    m_kind->setToolTip(tr("Show events of one kind"));
    m_kind->setAccessibleName(tr("Kind of events shown"));
    m_kind->addItem(tr("All kinds"), QString());
    for (const model::EventKind kind :
         {model::EventKind::PortVisit, model::EventKind::AisGap, model::EventKind::Encounter,
          model::EventKind::Loitering, model::EventKind::PositionJump,
          model::EventKind::IdentityChange, model::EventKind::IdentityConflict,
          model::EventKind::SpoofingSuspected}) {
        m_kind->addItem(EventsModel::kindIcon(kind), model::displayName(kind),
                        model::toString(kind));
    }
    m_kind->addItem(tr("Reported (sourced) events"), QStringLiteral("reported"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { showFiltered(); });
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* filterRow = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Kind:"), pane);
    filterLabel->setBuddy(m_kind);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_kind);
    filterRow->addStretch(1);
    layout->addLayout(filterRow);
    layout->addWidget(m_view);
    auto* dock = new QDockWidget(tr("Events"), shell.window());
    dock->setObjectName(QStringLiteral("eventsDock"));
    dock->setWidget(pane);
    shell.addDock(dock, Qt::BottomDockWidgetArea);

    // The banner that names an event when the replay reaches it.
    m_banner = new QLabel(shell.map());
    m_banner->setObjectName(QStringLiteral("replayBanner"));
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: rgba(27,27,27,215); color: white; padding: 6px 14px; "
                       "border-radius: 6px; font-weight: bold; }"));
    m_banner->hide();

    ReplayController* controller = replay.controller();
    connect(controller, &ReplayController::eventsReached, this, &EventsFeature::showBanner);
    connect(controller, &ReplayController::pausedAtEvent, this,
            [this](qint64 id) { openCard(id); });
    connect(shell.map(), &MapWidget::eventClicked, this, [this](qint64 id) {
        openCard(id);
        selectRow(id);
    });
    // Choosing an event in the panel, by a click or the arrow keys, moves the
    // replay to it; Enter or a double-click opens its card. A row the replay
    // selected itself (reaching an event) does not move it again.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_selectingRow || !current.isValid()) {
                    return;
                }
                if (const model::Event* e = m_model->eventAt(current.row())) {
                    goTo(e->id);
                }
            });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (const model::Event* e = m_model->eventAt(index.row())) {
            goTo(e->id); // also when the row was already the current one
        }
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const model::Event* e = m_model->eventAt(index.row())) {
            openCard(e->id);
        }
    });
    connect(m_card, &EventCard::goToRequested, this, [this] { goTo(m_card->eventId()); });
    // An event's sources: copy them, or open one in the browser.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& at) { showMenu(m_view->indexAt(at), at); });
    follow(shell.selection(), this, *this);
}

void EventsFeature::show(const VesselSelection&)
{
    m_selection = m_shell.selection().current();
    showFiltered();
    m_view->resizeColumnToContents(EventsModel::Date);
    m_view->resizeColumnToContents(EventsModel::Kind);
}

void EventsFeature::clear()
{
    m_selection.reset();
    m_model->setEvents({});
    m_banner->hide();
    if (m_card->isVisible()) {
        m_card->hide();
    }
}

const model::Event* EventsFeature::eventById(model::EventId id) const
{
    if (!m_selection) {
        return nullptr;
    }
    const auto& events = m_selection->events();
    const auto it = std::find_if(events.begin(), events.end(),
                                 [&](const model::Event& e) { return e.id == id; });
    return it != events.end() ? &*it : nullptr;
}

void EventsFeature::showFiltered()
{
    std::vector<model::Event> shown;
    if (m_selection) {
        const QString kind = m_kind->currentData().toString();
        for (const model::Event& e : m_selection->events()) {
            const bool keep = kind.isEmpty() ||
                              (kind == QLatin1String("reported") ? !model::isDetectedKind(e.kind)
                                                                 : model::toString(e.kind) == kind);
            if (keep) {
                shown.push_back(e);
            }
        }
    }
    m_model->setEvents(std::move(shown));
}

void EventsFeature::selectRow(model::EventId id)
{
    m_selectingRow = true;
    const auto done = qScopeGuard([this] { m_selectingRow = false; });
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->eventAt(row)->id == id) {
            m_view->selectRow(row);
            m_view->scrollTo(m_model->index(row, 0));
        }
    }
}

void EventsFeature::showBanner(const QList<qint64>& eventIds)
{
    const model::Event* e = eventById(eventIds.back());
    if (e == nullptr) {
        return;
    }
    m_banner->setText(QStringLiteral("%1 — %2").arg(model::formatTimeSpan(e->time), e->title));
    m_banner->adjustSize();
    m_banner->move((m_shell.map()->width() - m_banner->width()) / 2, 12);
    m_banner->show();
    m_banner->raise();
    QTimer::singleShot(5000, m_banner, [banner = m_banner, text = m_banner->text()] {
        if (banner->text() == text) {
            banner->hide();
        }
    });
    selectRow(e->id);
}

void EventsFeature::goTo(model::EventId id)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return;
    }
    m_replay.goTo(e->time.startUtcMs);
    if (e->position && e->shipEvent) {
        MapWidget* map = m_shell.map();
        MapViewport vp = map->viewport();
        vp.setCenter(geo::project(*e->position));
        map->setViewport(vp);
    }
}

void EventsFeature::openCard(model::EventId id)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return;
    }
    store::Database& db = m_shell.session().db();
    auto sources = db.sources(citedSourceIds(*e, m_selection->vessel.facts));
    QString rules;
    if (e->rulesId) {
        if (auto stored = db.analysisRules(*e->rulesId); stored && *stored) {
            rules = **stored;
        }
    }
    m_card->present(*e, eventCardHtml(*e, sources ? *sources : std::vector<model::Source>{},
                                      m_selection->vessel.facts, rules));
}

QString EventsFeature::sourcesText(model::EventId id)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return {};
    }
    auto sources = m_shell.session().db().sources(citedSourceIds(*e, m_selection->vessel.facts));
    QStringList lines;
    lines << QStringLiteral("%1 (%2)").arg(e->title, model::formatTimeSpan(e->time));
    if (sources) {
        for (const model::Source& src : *sources) {
            lines << QStringLiteral("[%1] %2%3")
                         .arg(src.id, src.title,
                              src.url.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" <") + src.url + QLatin1Char('>'));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void EventsFeature::showMenu(const QModelIndex& index, const QPoint& at)
{
    const model::Event* e = m_model->eventAt(index.row());
    if (e == nullptr) {
        return;
    }
    const model::EventId id = e->id;
    QMenu menu(m_view);
    menu.addAction(tr("&Open card"), this, [this, id] { openCard(id); });
    menu.addAction(tr("&Copy sources"), this,
                   [this, id] { QGuiApplication::clipboard()->setText(sourcesText(id)); });
    auto sources = m_shell.session().db().sources(e->attribution.sourceIds);
    QMenu* open = menu.addMenu(tr("Open &source in browser"));
    if (sources) {
        for (const model::Source& src : *sources) {
            QAction* a = open->addAction(QStringLiteral("%1 · %2").arg(src.id, src.title.left(60)));
            a->setEnabled(!src.url.isEmpty());
            connect(a, &QAction::triggered, this,
                    [url = src.url] { QDesktopServices::openUrl(QUrl(url)); });
        }
    }
    open->setEnabled(!open->isEmpty());
    if (isDetectedKind(e->kind)) {
        QMenu* review = menu.addMenu(tr("&Review"));
        const investigate::ReviewState now = this->review(id);
        for (auto [state, label] :
             {std::pair{investigate::ReviewState::Confirmed, tr("&Confirmed")},
              {investigate::ReviewState::Dismissed, tr("&Dismissed")},
              {investigate::ReviewState::Unsure, tr("&Unsure")},
              {investigate::ReviewState::Unreviewed, tr("&Not reviewed")}}) {
            QAction* a = review->addAction(label, this, [this, id, state = state] {
                if (Status s = setReview(id, state); !s) {
                    m_shell.showError(tr("Cannot keep the review"), s.error());
                }
            });
            a->setCheckable(true);
            a->setChecked(state == now);
        }
    }
    menu.addAction(tr("Add &note..."), this, [this, id] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(m_view, tr("Note on the event"),
                                                            tr("Note:"), QString(), &ok);
        if (!ok || text.trimmed().isEmpty()) {
            return;
        }
        if (Status s = addNote(id, text.trimmed()); !s) {
            m_shell.showError(tr("Cannot keep the note"), s.error());
        }
    });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

Status EventsFeature::addNote(model::EventId id, const QString& text)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return Error{Error::Code::NotFound, tr("The event is no longer shown"), {}};
    }
    investigate::CaseNote note;
    note.vesselId = e->vesselId;
    note.eventKey = investigate::eventKey(*e);
    note.text = text;
    note.author = investigate::defaultAuthor();
    note.createdUtcMs = QDateTime::currentMSecsSinceEpoch();
    auto added = m_shell.session().db().addCaseNote(note);
    if (!added) {
        return added.error();
    }
    m_shell.selection().reload(); // the details list the vessel's notes
    m_shell.statusBar()->showMessage(tr("Note kept on %1").arg(e->title), 6000);
    return {};
}

investigate::ReviewState EventsFeature::review(model::EventId id)
{
    const model::Event* e = eventById(id);
    auto reviews = m_shell.session().db().eventReviews();
    if (e == nullptr || !reviews) {
        return investigate::ReviewState::Unreviewed;
    }
    const QString key = investigate::eventKey(*e);
    for (const auto& r : *reviews) {
        if (r.eventKey == key) {
            return r.state;
        }
    }
    return investigate::ReviewState::Unreviewed;
}

Status EventsFeature::setReview(model::EventId id, investigate::ReviewState state)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return Error{Error::Code::NotFound, tr("The event is no longer shown"), {}};
    }
    const investigate::EventReview review{investigate::eventKey(*e), e->vesselId, state,
                                          investigate::defaultAuthor(),
                                          QDateTime::currentMSecsSinceEpoch()};
    if (Status s = m_shell.session().db().setEventReview(review); !s) {
        return s;
    }
    m_shell.statusBar()->showMessage(
        tr("%1: %2 (by %3)").arg(e->title, investigate::toString(state), review.author), 6000);
    return {};
}

} // namespace wake::ui

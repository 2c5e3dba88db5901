// MainWindow: events — the banner and card when the replay reaches one, the
// events panel's selection, and an event's sources.

#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/panels/events_model.h"
#include "ui/replay/event_card.h"
#include "ui/replay/replay_controller.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QScopeGuard>
#include <QTableView>
#include <QUrl>

namespace wake::ui {

const model::Event* MainWindow::eventById(model::EventId id) const
{
    const auto it = std::find_if(m_events.begin(), m_events.end(),
                                 [&](const model::Event& e) { return e.id == id; });
    return it != m_events.end() ? &*it : nullptr;
}

void MainWindow::showBanner(const QList<qint64>& eventIds)
{
    const model::Event* e = eventById(eventIds.back());
    if (e == nullptr) {
        return;
    }
    m_banner->setText(QStringLiteral("%1 — %2").arg(model::formatTimeSpan(e->time), e->title));
    m_banner->adjustSize();
    m_banner->move((m_map->width() - m_banner->width()) / 2, 12);
    m_banner->show();
    m_banner->raise();
    QTimer::singleShot(5000, m_banner, [banner = m_banner, text = m_banner->text()] {
        if (banner->text() == text) {
            banner->hide();
        }
    });
    selectEventRow(e->id);
}

void MainWindow::goToEvent(model::EventId id)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return;
    }
    const auto& c = m_replay->cursor();
    if (e->time.startUtcMs < c.start() || e->time.startUtcMs > c.end()) {
        m_range->setCurrentIndex(m_range->count() - 1); // the whole track
    }
    m_replay->seek(e->time.startUtcMs);
    if (e->position && e->shipEvent) {
        MapViewport vp = m_map->viewport();
        vp.setCenter(geo::project(*e->position));
        m_map->setViewport(vp);
    }
}

void MainWindow::showFilteredEvents()
{
    const QString kind = m_eventKindFilter->currentData().toString();
    std::vector<model::Event> shown;
    for (const model::Event& e : m_events) {
        const bool keep =
            kind.isEmpty() || (kind == QLatin1String("reported") ? !model::isDetectedKind(e.kind)
                                                                 : model::toString(e.kind) == kind);
        if (keep) {
            shown.push_back(e);
        }
    }
    m_eventsModel->setEvents(std::move(shown));
}

void MainWindow::selectEventRow(model::EventId id)
{
    m_selectingEventRow = true;
    const auto done = qScopeGuard([this] { m_selectingEventRow = false; });
    for (int row = 0; row < m_eventsModel->rowCount(); ++row) {
        if (m_eventsModel->eventAt(row)->id == id) {
            m_eventsView->selectRow(row);
            m_eventsView->scrollTo(m_eventsModel->index(row, 0));
        }
    }
}

void MainWindow::openEventCard(model::EventId id)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return;
    }
    auto sources = m_db.sources(citedSourceIds(*e, m_facts));
    QString rules;
    if (e->rulesId) {
        if (auto stored = m_db.analysisRules(*e->rulesId); stored && *stored) {
            rules = **stored;
        }
    }
    m_card->present(
        *e, eventCardHtml(*e, sources ? *sources : std::vector<model::Source>{}, m_facts, rules));
}

QString MainWindow::eventSourcesText(model::EventId id)
{
    const model::Event* e = eventById(id);
    if (e == nullptr) {
        return {};
    }
    auto sources = m_db.sources(citedSourceIds(*e, m_facts));
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

void MainWindow::showEventMenu(const QModelIndex& index, const QPoint& at)
{
    const model::Event* e = m_eventsModel->eventAt(index.row());
    if (e == nullptr) {
        return;
    }
    const model::EventId id = e->id;
    QMenu menu(this);
    menu.addAction(tr("&Copy sources"), this,
                   [this, id] { QGuiApplication::clipboard()->setText(eventSourcesText(id)); });
    auto sources = m_db.sources(e->attribution.sourceIds);
    QMenu* open = menu.addMenu(tr("&Open source in browser"));
    if (sources) {
        for (const model::Source& src : *sources) {
            QAction* a = open->addAction(QStringLiteral("%1 · %2").arg(src.id, src.title.left(60)));
            a->setEnabled(!src.url.isEmpty());
            connect(a, &QAction::triggered, this,
                    [url = src.url] { QDesktopServices::openUrl(QUrl(url)); });
        }
    }
    open->setEnabled(!open->isEmpty());
    menu.exec(m_eventsView->viewport()->mapToGlobal(at));
}

} // namespace wake::ui

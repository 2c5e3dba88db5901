// MainWindow: the replay — its bar (controls, clock, voyage and speed
// choosers), its menu and keys, the voyage or range it plays, and what
// follows the replay time (map, state panel, banner).

#include "core/replay/clock_text.h"
#include "core/replay/replay_span.h"
#include "core/replay/track_sampler.h"
#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/panels/speed_chart.h"
#include "ui/panels/vessel_state_panel.h"
#include "ui/panels/voyage_summary.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/timeline_widget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QToolButton>

namespace wake::ui {

QWidget* MainWindow::buildReplayBar()
{
    // Two rows: the controls, then the timeline across the whole width.
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("replayBar"));
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(6, 2, 6, 2);
    rows->setSpacing(0);
    auto* layout = new QHBoxLayout;
    rows->addLayout(layout);
    auto button = [&](QStyle::StandardPixmap icon, const QString& tip, auto slot) {
        auto* b = new QToolButton(bar);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, m_replay, slot);
        layout->addWidget(b);
        return b;
    };
    button(QStyle::SP_MediaSkipBackward, tr("Previous event ([)"),
           &ReplayController::previousEvent);
    m_playButton =
        button(QStyle::SP_MediaPlay, tr("Play or pause (Space)"), &ReplayController::togglePlay);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    button(QStyle::SP_MediaSkipForward, tr("Next event (])"), &ReplayController::nextEvent);
    m_timeline = new TimelineWidget(bar);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setFocusPolicy(Qt::StrongFocus);
    connect(m_timeline, &TimelineWidget::seekRequested, m_replay, &ReplayController::seek);
    m_clock = new QLabel(bar);
    m_clock->setObjectName(QStringLiteral("replayClock"));
    m_clock->setMinimumWidth(260);
    m_clock->setToolTip(tr("Replay time (UTC). Only the date is shown where only the date is "
                           "known."));
    layout->addWidget(m_clock, 1);
    m_speed = new QComboBox(bar);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setToolTip(tr("Replay speed"));
    const std::pair<QString, double> speeds[] = {
        {tr("1×"), 1.0},
        {tr("1 min/s"), 60.0},
        {tr("10 min/s"), 600.0},
        {tr("1 h/s"), 3600.0},
        {tr("6 h/s"), 6 * 3600.0},
        {tr("1 day/s"), 86400.0},
        {tr("Whole leg in 60 s"), 0.0},
    };
    for (const auto& [name, rate] : speeds) {
        m_speed->addItem(name, rate);
    }
    layout->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &MainWindow::applySpeed);
    m_speed->setCurrentIndex(m_speed->count() - 1);
    m_range = new QComboBox(bar);
    m_range->setObjectName(QStringLiteral("replayRange"));
    m_range->setToolTip(tr("What to replay"));
    m_range->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_range->setMinimumContentsLength(34);
    layout->addWidget(m_range);
    rows->addWidget(m_timeline);
    connect(m_range, &QComboBox::currentIndexChanged, this, &MainWindow::applyRange);
    connect(m_replay, &ReplayController::playingChanged, this, [this](bool playing) {
        m_playButton->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    return bar;
}

void MainWindow::buildReplayMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Replay"));
    auto add = [&](const QString& name, const QKeySequence& key, auto slot,
                   Qt::ShortcutContext context = Qt::WindowShortcut) {
        QAction* a = menu->addAction(name, m_replay, slot);
        a->setShortcut(key);
        a->setShortcutContext(context);
        return a;
    };
    add(tr("&Play / Pause"), QKeySequence(Qt::Key_Space), &ReplayController::togglePlay);
    add(tr("Shuttle &backwards"), QKeySequence(Qt::Key_J), &ReplayController::shuttleBackward);
    add(tr("Pa&use"), QKeySequence(Qt::Key_K), &ReplayController::pause);
    add(tr("Shuttle &forwards"), QKeySequence(Qt::Key_L), &ReplayController::shuttleForward);
    menu->addSeparator();
    // The arrows pan the map when it has the focus; on the timeline they step.
    QAction* back = add(tr("Step back"), QKeySequence(Qt::Key_Left),
                        &ReplayController::stepBackward, Qt::WidgetWithChildrenShortcut);
    QAction* forward = add(tr("Step forward"), QKeySequence(Qt::Key_Right),
                           &ReplayController::stepForward, Qt::WidgetWithChildrenShortcut);
    m_timeline->addAction(back);
    m_timeline->addAction(forward);
    add(tr("P&revious event"), QKeySequence(Qt::Key_BracketLeft), &ReplayController::previousEvent);
    add(tr("&Next event"), QKeySequence(Qt::Key_BracketRight), &ReplayController::nextEvent);
    add(tr("To the &start"), QKeySequence(Qt::Key_Home), &ReplayController::toStart);
    add(tr("To the &end"), QKeySequence(Qt::Key_End), &ReplayController::toEnd);
    menu->addSeparator();
    QAction* pauseAtSeizure = menu->addAction(tr("Pause at the &seizure"));
    pauseAtSeizure->setCheckable(true);
    pauseAtSeizure->setObjectName(QStringLiteral("pauseAtSeizure"));
    const bool pause = QSettings().value(QStringLiteral("replay/pauseAtSeizure"), true).toBool();
    pauseAtSeizure->setChecked(pause);
    m_replay->setPauseAtSeizure(pause);
    connect(pauseAtSeizure, &QAction::toggled, this, [this](bool on) {
        m_replay->setPauseAtSeizure(on);
        QSettings().setValue(QStringLiteral("replay/pauseAtSeizure"), on);
    });
    QAction* whole = menu->addAction(tr("Replay the &whole voyage"));
    whole->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(whole, &QAction::triggered, this, [this] {
        // The longest voyage: from Vostochny, for the scenario.
        if (m_voyages.size() > 1) {
            m_range->setCurrentIndex(1);
        }
    });
}

void MainWindow::applyRange(int index)
{
    const auto& track = selectedTrack();
    const model::Voyage* voyage = index >= 0 && static_cast<std::size_t>(index) < m_voyages.size()
                                      ? &m_voyages[static_cast<std::size_t>(index)]
                                      : nullptr;
    const auto span = replay::replaySpan(track, voyage, m_events);
    if (!span) {
        clearReplayPanels();
        return;
    }
    const std::int64_t start = span->startUtcMs;
    const std::int64_t end = span->endUtcMs;
    // The panels take the new track before the replay's time moves.
    m_statePanel->setTrack(track, start);
    m_speedChart->setData(track, start, end, replay::darkPeriods(m_events, end));
    m_replay->setReplay(start, end, m_events);
    if (span->openUtcMs != start) {
        m_replay->seek(span->openUtcMs); // not on "no position" before the first fix
    }
    m_timeline->setSpan(start, end, m_events);
    m_statePanel->setTime(m_replay->time());
    m_speedChart->setTime(m_replay->time());
    if (index >= 0 && static_cast<std::size_t>(index) < m_voyages.size()) {
        m_voyageSummary->setText(voyageSummaryHtml(m_voyages[static_cast<std::size_t>(index)],
                                                   m_map->renderer().scene().namedPlaces, track,
                                                   m_events));
    } else {
        m_voyageSummary->setText(
            tr("<b>Whole track</b><br>%1 positions from %2 to %3")
                .arg(QLocale().toString(static_cast<qlonglong>(track.size())),
                     QDateTime::fromMSecsSinceEpoch(track.front().timeUtcMs, Qt::UTC)
                         .toString(QStringLiteral("d MMM yyyy")),
                     QDateTime::fromMSecsSinceEpoch(track.back().timeUtcMs, Qt::UTC)
                         .toString(QStringLiteral("d MMM yyyy"))));
    }
    m_timeline->setTime(m_replay->time());
    applySpeed(); // "whole leg in 60 s" depends on the span
}

void MainWindow::clearReplayPanels()
{
    // A selection without positions: every panel that shows a track says it
    // has none, instead of keeping the vessel before.
    m_replay->pause();
    m_statePanel->setTrack({}, 0);
    m_statePanel->setTime(m_replay->time());
    m_speedChart->setData({}, m_replay->cursor().start(), m_replay->cursor().end(), {});
    m_timeline->setSpan(m_replay->cursor().start(), m_replay->cursor().end(), m_events);
    m_voyageSummary->setText(tr("<b>No positions</b><br>This vessel has no stored positions."));
    m_clock->setText(tr("No positions"));
}

void MainWindow::applySpeed()
{
    double rate = m_speed->currentData().toDouble();
    if (rate <= 0) {
        const auto& c = m_replay->cursor();
        rate = static_cast<double>(c.end() - c.start()) / 60'000.0;
    }
    m_replay->setRate(rate);
}

void MainWindow::onReplayTime(std::int64_t timeUtcMs)
{
    onLiveReplayTime(timeUtcMs);
    const auto reached = m_replay->cursor().lastEventReached();
    m_map->renderer().setHighlightedEvent(reached ? std::optional<model::EventId>(reached->id)
                                                  : std::nullopt);
    m_map->setTime(timeUtcMs);
    m_timeline->setTime(timeUtcMs);
    m_statePanel->setTime(timeUtcMs);
    m_speedChart->setTime(timeUtcMs);
    const auto state = replay::sampleTrack(selectedTrack(), timeUtcMs);
    m_clock->setText(replay::clockText(timeUtcMs, state, replay::ClockStyle::Window));
    if (m_followAction != nullptr && m_followAction->isChecked() && state) {
        const QPointF s = m_map->viewport().worldToScreen(geo::project(state->position));
        const QRectF inner = QRectF(m_map->rect())
                                 .adjusted(m_map->width() * 0.2, m_map->height() * 0.2,
                                           -m_map->width() * 0.2, -m_map->height() * 0.2);
        if (!inner.contains(s)) {
            MapViewport vp = m_map->viewport();
            vp.setCenter(geo::project(state->position));
            m_map->setViewport(vp);
        }
    }
}

} // namespace wake::ui

#include "ui/replay/replay_feature.h"

#include "core/geo/web_mercator.h"
#include "core/replay/clock_text.h"
#include "core/replay/replay_span.h"
#include "core/replay/track_sampler.h"
#include "core/replay/voyage_stats.h"
#include "ui/map/map_widget.h"
#include "ui/panels/speed_chart.h"
#include "ui/panels/vessel_state_panel.h"
#include "ui/panels/voyage_summary.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/replay_icons.h"
#include "ui/replay/timeline_widget.h"
#include "ui/shell/shell.h"

#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QStyle>
#include <QToolButton>

namespace wake::ui {

ReplayFeature::ReplayFeature(Shell& shell) : QObject(shell.window()), m_shell(shell)
{
    m_replay = new ReplayController(this);
    buildBar();
    buildStateDock();
    buildMenu();
    connect(m_replay, &ReplayController::timeChanged, this, [this](qint64 t) { onTime(t); });
    connect(shell.map(), &MapWidget::fitRequested, this, &ReplayFeature::fitRange);
    // A vessel clicked on the map becomes the selection everywhere; the
    // replay time and the view stay where they are (show() keeps them for
    // a vessel chosen on the map).
    follow(shell.selection(), this, *this);
}

ReplayFeature::~ReplayFeature() = default;

void ReplayFeature::buildBar()
{
    // Two rows: the controls, then the timeline across the whole width.
    m_bar = new QWidget(m_shell.window());
    m_bar->setObjectName(QStringLiteral("replayBar"));
    auto* rows = new QVBoxLayout(m_bar);
    rows->setContentsMargins(6, 2, 6, 2);
    rows->setSpacing(0);
    auto* layout = new QHBoxLayout;
    rows->addLayout(layout);
    auto button = [&](ReplayIcon icon, const QString& name, const QString& key, auto slot) {
        auto* b = new QToolButton(m_bar);
        b->setProperty("replayIcon", static_cast<int>(icon));
        b->setToolTip(QStringLiteral("%1 (%2)").arg(name, key));
        b->setAccessibleName(name);
        b->setAccessibleDescription(tr("Keyboard: %1").arg(key));
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, m_replay, slot);
        layout->addWidget(b);
        return b;
    };
    button(ReplayIcon::PreviousEvent, tr("Previous event"), tr("["),
           &ReplayController::previousEvent);
    m_playButton =
        button(ReplayIcon::Play, tr("Play or pause"), tr("Space"), &ReplayController::togglePlay);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    button(ReplayIcon::NextEvent, tr("Next event"), tr("]"), &ReplayController::nextEvent);
    updateIcons();
    // Drawn in the palette's text colour, again when the theme changes.
    m_bar->installEventFilter(this);
    m_timeline = new TimelineWidget(m_bar);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setFocusPolicy(Qt::StrongFocus);
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setAccessibleDescription(
        tr("The replay's span with its events; click or use the arrow keys to move in time"));
    connect(m_timeline, &TimelineWidget::seekRequested, m_replay, &ReplayController::seek);
    m_clock = new QLabel(m_bar);
    m_clock->setObjectName(QStringLiteral("replayClock"));
    // The clock may say more than a time ("reported position, time of day not known"); it gives
    // way to the docks rather than widening the window, and its tooltip keeps the whole text.
    m_clock->setMinimumWidth(
        m_clock->fontMetrics().horizontalAdvance(QStringLiteral("Mon 15 Jul 2013 20:00 UTC")));
    m_clock->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clock->setToolTip(tr("Replay time (UTC). Only the date is shown where only the date is "
                           "known."));
    m_clock->setAccessibleName(tr("Replay time"));
    layout->addWidget(m_clock, 1);
    m_speed = new QComboBox(m_bar);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setToolTip(tr("Replay speed"));
    m_speed->setAccessibleName(tr("Replay speed"));
    const std::pair<QString, double> speeds[] = {
        {tr("1×"), 1.0},
        {tr("1 min/s"), 60.0},
        {tr("10 min/s"), 600.0},
        {tr("1 h/s"), 3600.0},
        {tr("6 h/s"), 6 * 3600.0},
        {tr("1 day/s"), 86400.0},
        {tr("Whole span in 60 s"), 0.0},
    };
    for (const auto& [name, rate] : speeds) {
        m_speed->addItem(name, rate);
    }
    layout->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &ReplayFeature::applySpeed);
    m_speed->setCurrentIndex(m_speed->count() - 1);
    m_range = new QComboBox(m_bar);
    m_range->setObjectName(QStringLiteral("replayRange"));
    m_range->setToolTip(tr("What to replay"));
    m_range->setAccessibleName(tr("What to replay"));
    m_range->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_range->setMinimumContentsLength(14);
    layout->addWidget(m_range);
    rows->addWidget(m_timeline);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReplayFeature::applyRange);
    connect(m_replay, &ReplayController::playingChanged, this, [this](bool playing) {
        m_playButton->setProperty("replayIcon",
                                  static_cast<int>(playing ? ReplayIcon::Pause : ReplayIcon::Play));
        updateIcons();
    });
}

void ReplayFeature::updateIcons()
{
    const QColor color = m_bar->palette().color(QPalette::ButtonText);
    for (QToolButton* b : m_bar->findChildren<QToolButton*>()) {
        const QVariant kind = b->property("replayIcon");
        if (kind.isValid()) {
            b->setIcon(replayIcon(static_cast<ReplayIcon>(kind.toInt()), color));
        }
    }
}

bool ReplayFeature::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_bar && event->type() == QEvent::PaletteChange) {
        updateIcons();
    }
    return QObject::eventFilter(watched, event);
}

void ReplayFeature::buildStateDock()
{
    // The selected vessel at the replay time, its voyage and its speed.
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_statePanel = new VesselStatePanel(panel);
    m_statePanel->setObjectName(QStringLiteral("statePanel"));
    m_statePanel->setAccessibleName(tr("The selected vessel at the replay time"));
    m_voyageSummary = new QLabel(panel);
    m_voyageSummary->setObjectName(QStringLiteral("voyageSummary"));
    m_voyageSummary->setAccessibleName(tr("Voyage summary"));
    m_voyageSummary->setWordWrap(true);
    m_voyageSummary->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                             Qt::TextSelectableByKeyboard);
    m_voyageSummary->setContentsMargins(6, 2, 6, 2);
    m_speedChart = new SpeedChart(panel);
    m_speedChart->setObjectName(QStringLiteral("speedChart"));
    m_speedChart->setAccessibleName(tr("Speed over ground"));
    m_speedChart->setAccessibleDescription(
        tr("The vessel's speed over the replayed span; AIS-dark periods shaded"));
    layout->addWidget(m_statePanel);
    layout->addWidget(m_voyageSummary);
    layout->addWidget(m_speedChart, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    // The values wrap to the dock's width instead of running off its edge
    // (large fonts cut them under a horizontal scroll bar).
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("At the replay time"));
    auto* dock = new QDockWidget(tr("At the replay time"), m_shell.window());
    dock->setObjectName(QStringLiteral("stateDock"));
    dock->setWidget(scroll);
    m_shell.addDock(dock, Qt::LeftDockWidgetArea);
}

void ReplayFeature::buildMenu()
{
    QMenu* menu = m_shell.menu(MenuId::Replay);
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
    whole->setObjectName(QStringLiteral("wholeVoyageAction"));
    whole->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(whole, &QAction::triggered, this, [this] {
        // The longest voyage: from Vostochny, for the scenario.
        if (m_selection && m_selection->voyages.size() > 1) {
            m_range->setCurrentIndex(1);
            fitRange();
        }
    });
    QAction* wholeTrack = menu->addAction(tr("Replay the whole &track"));
    wholeTrack->setObjectName(QStringLiteral("wholeTrackAction"));
    connect(wholeTrack, &QAction::triggered, this, &ReplayFeature::showWholeTrack);
    menu->addSeparator();
    m_follow = menu->addAction(tr("F&ollow the vessel"));
    m_follow->setObjectName(QStringLiteral("followAction"));
    m_follow->setCheckable(true);
    m_follow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
}

void ReplayFeature::show(const VesselSelection& selection)
{
    const auto shared = m_shell.selection().current();
    const bool sameVessel = m_selection && shared && m_selection->vessel.id == selection.vessel.id;
    const int keepRange = m_range->currentIndex();
    const std::int64_t keepTime = m_replay->time();
    m_selection = shared;
    {
        const QSignalBlocker block(m_range);
        m_range->clear();
        for (const auto& v : selection.voyages) {
            m_range->addItem(v.name);
        }
        m_range->addItem(tr("Whole track"));
    }
    if (sameVessel) {
        // The same vessel read again (new data): what is replayed and when
        // stay as they were.
        m_range->setCurrentIndex(std::clamp(keepRange, 0, m_range->count() - 1));
        applyRange(m_range->currentIndex());
        if (selection.hasTrack()) {
            m_replay->seek(keepTime);
        }
        return;
    }
    // Another vessel: its live report, if any, comes with the next snapshot.
    m_statePanel->setLiveFix(std::nullopt);
    if (m_shell.selection().keepsTimeAndView() && selection.hasTrack()) {
        // Chosen on the map: the time and the view stay; the whole track
        // when the default voyage does not hold that time.
        applyRange(0);
        const auto& c = m_replay->cursor();
        if (keepTime < c.start() || keepTime > c.end()) {
            showWholeTrack();
        }
        m_replay->seek(keepTime);
        return;
    }
    applyRange(0);
    fitRange();
}

void ReplayFeature::clear()
{
    m_selection.reset();
    {
        const QSignalBlocker block(m_range);
        m_range->clear();
    }
    clearPanels();
}

void ReplayFeature::playVoyage(int index)
{
    if (index >= 0 && index < m_range->count()) {
        m_range->setCurrentIndex(index);
    }
}

void ReplayFeature::showWholeTrack()
{
    if (m_range->count() > 0) {
        m_range->setCurrentIndex(m_range->count() - 1);
    }
}

void ReplayFeature::goTo(std::int64_t timeUtcMs)
{
    const auto& c = m_replay->cursor();
    if (timeUtcMs < c.start() || timeUtcMs > c.end()) {
        showWholeTrack();
    }
    m_replay->seek(timeUtcMs);
}

void ReplayFeature::fitRange()
{
    if (!m_selection || !m_selection->hasTrack()) {
        return;
    }
    const auto& c = m_replay->cursor();
    if (const auto box = replay::replayFrame(m_selection->track(), c.start(), c.end())) {
        m_shell.map()->fitBounds(box->southWest(), box->northEast());
    }
}

void ReplayFeature::applyRange(int index)
{
    if (!m_selection) {
        clearPanels();
        return;
    }
    const auto& track = m_selection->track();
    const auto& voyages = m_selection->voyages;
    const model::Voyage* voyage = index >= 0 && static_cast<std::size_t>(index) < voyages.size()
                                      ? &voyages[static_cast<std::size_t>(index)]
                                      : nullptr;
    const auto& events = m_selection->events();
    const auto span = replay::replaySpan(track, voyage, events);
    if (!span) {
        clearPanels();
        return;
    }
    const std::int64_t start = span->startUtcMs;
    const std::int64_t end = span->endUtcMs;
    // The panels take the new track before the replay's time moves.
    m_statePanel->setTrack(track, start);
    m_speedChart->setData(track, start, end, replay::darkPeriods(events, end));
    m_replay->setReplay(start, end, events);
    if (span->openUtcMs != start) {
        m_replay->seek(span->openUtcMs); // not on "no position" before the first fix
    }
    m_timeline->setSpan(start, end, events);
    m_statePanel->setTime(m_replay->time());
    m_speedChart->setTime(m_replay->time());
    if (voyage != nullptr) {
        m_voyageSummary->setText(
            voyageSummaryHtml(*voyage, m_selection->scene.namedPlaces, track, events));
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
    onTime(m_replay->time());
    applySpeed(); // "whole span in 60 s" depends on the span
}

void ReplayFeature::clearPanels()
{
    // A selection without positions: every panel that shows a track says it
    // has none, instead of keeping the vessel before.
    m_replay->pause();
    m_replay->setReplay(0, 0, {});
    m_statePanel->setTrack({}, 0);
    m_statePanel->setLiveFix(std::nullopt);
    m_statePanel->setTime(0);
    m_speedChart->setData({}, 0, 0, {});
    m_timeline->setSpan(0, 0, {});
    m_voyageSummary->setText(m_shell.selection().id()
                                 ? tr("<b>No positions</b><br>This vessel has no stored positions.")
                                 : tr("<b>No vessel selected</b>"));
    m_clock->setText(tr("No positions"));
    m_shell.map()->setTime(std::nullopt);
}

void ReplayFeature::applySpeed()
{
    double rate = m_speed->currentData().toDouble();
    if (rate <= 0) {
        const auto& c = m_replay->cursor();
        rate = std::max(1.0, static_cast<double>(c.end() - c.start()) / 60'000.0);
    }
    m_replay->setRate(rate);
}

void ReplayFeature::setLiveSpan(std::int64_t fromUtcMs, std::int64_t toUtcMs)
{
    m_settingLiveSpan = true;
    m_replay->setReplay(fromUtcMs, toUtcMs, {});
    m_timeline->setSpan(fromUtcMs, toUtcMs, {});
    m_replay->seek(toUtcMs);
    m_settingLiveSpan = false;
}

void ReplayFeature::setLiveFix(std::optional<model::TrackPoint> fix)
{
    m_statePanel->setLiveFix(std::move(fix));
}

void ReplayFeature::onTime(std::int64_t timeUtcMs)
{
    MapWidget* map = m_shell.map();
    const auto reached = m_replay->cursor().lastEventReached();
    map->renderer().setHighlightedEvent(reached ? std::optional<model::EventId>(reached->id)
                                                : std::nullopt);
    map->setTime(timeUtcMs);
    m_timeline->setTime(timeUtcMs);
    m_statePanel->setTime(timeUtcMs);
    m_speedChart->setTime(timeUtcMs);
    std::optional<replay::VesselState> state;
    if (m_selection) {
        state = replay::sampleTrack(m_selection->track(), timeUtcMs);
    }
    const QString clock = replay::clockText(timeUtcMs, state, replay::ClockStyle::Window);
    m_clock->setText(clock);
    m_clock->setToolTip(tr("%1\nReplay time (UTC). Only the date is shown where only the date is "
                           "known.")
                            .arg(clock));
    if (m_follow->isChecked() && state) {
        const QPointF s = map->viewport().worldToScreen(geo::project(state->position));
        const QRectF inner = QRectF(map->rect())
                                 .adjusted(map->width() * 0.2, map->height() * 0.2,
                                           -map->width() * 0.2, -map->height() * 0.2);
        if (!inner.contains(s)) {
            MapViewport vp = map->viewport();
            vp.setCenter(geo::project(state->position));
            map->setViewport(vp);
        }
    }
    Q_EMIT timeChanged(timeUtcMs);
}

} // namespace wake::ui

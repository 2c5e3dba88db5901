#include "ui/panels/vessel_state_panel.h"

#include "core/ais/ais_texts.h"
#include "core/geo/coordinate_format.h"
#include "core/replay/track_sampler.h"
#include "core/replay/voyage_stats.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace wake::ui {

namespace {

QString utc(std::int64_t ms, bool withTime)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return withTime ? t.toString(QStringLiteral("d MMM yyyy HH:mm 'UTC'"))
                    : t.toString(QStringLiteral("d MMM yyyy"));
}

QString unknown()
{
    return QObject::tr("not known");
}

} // namespace

VesselStatePanel::VesselStatePanel(QWidget* parent) : QWidget(parent)
{
    // A grid, not a QFormLayout: the form gave a value that wraps onto more
    // lines the height of its old text (its height-for-width reckons with
    // another column width than it lays out), so a longitude or the end of
    // "Known from" was cut off by the row below.
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setColumnStretch(1, 1);
    m_time = addRow(tr("Time"));
    m_position = addRow(tr("Position"));
    m_decimal = addRow(tr("Decimal"));
    m_speed = addRow(tr("Speed"));
    m_course = addRow(tr("Course"));
    m_heading = addRow(tr("Heading"));
    m_status = addRow(tr("Status"));
    m_provenance = addRow(tr("Known from"));
    m_lastObserved = addRow(tr("Last observed"));
    m_distance = addRow(tr("Distance run"));
}

QLabel* VesselStatePanel::addRow(const QString& name)
{
    auto* label = new QLabel(this);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* grid = static_cast<QGridLayout*>(layout());
    const int row = grid->count() / 2; // a caption and a value a row
    auto* caption = new QLabel(name + QLatin1Char(':'), this);
    caption->setAlignment(Qt::AlignRight | Qt::AlignTop);
    caption->setBuddy(label);
    grid->addWidget(caption, row, 0);
    grid->addWidget(label, row, 1);
    return label;
}

QString VesselStatePanel::value(const QString& row) const
{
    const auto* label = findChild<QLabel*>(row);
    return label ? label->text() : QString();
}

void VesselStatePanel::setTrack(std::span<const model::TrackPoint> track,
                                std::int64_t rangeStartUtcMs)
{
    m_track = track;
    m_distances = replay::DistanceIndex(track);
    m_rangeStart = rangeStartUtcMs;
}

void VesselStatePanel::setLiveFix(std::optional<model::TrackPoint> fix)
{
    m_liveFix = std::move(fix);
}

void VesselStatePanel::setTime(std::int64_t timeUtcMs)
{
    auto state = replay::sampleTrack(m_track, timeUtcMs);
    const bool live = !state && m_liveFix && timeUtcMs >= m_liveFix->timeUtcMs;
    if (live) {
        // The last report as the ship sent it: its own speed and course.
        replay::VesselState s;
        s.position = {m_liveFix->latDeg, m_liveFix->lonDeg};
        s.speedKnots = m_liveFix->sogKnots;
        s.courseDeg = m_liveFix->cogDeg;
        s.headingDeg = m_liveFix->headingDeg;
        s.navStatus = m_liveFix->navStatus;
        s.provenance = model::Provenance::Observed;
        s.aisOn = true;
        s.lastObservedUtcMs = m_liveFix->timeUtcMs;
        state = s;
    }
    const QLocale locale;
    if (!state) {
        m_time->setText(utc(timeUtcMs, true));
        for (QLabel* l : {m_position, m_decimal, m_speed, m_course, m_heading, m_status,
                          m_provenance, m_lastObserved, m_distance}) {
            l->setText(m_track.empty() ? tr("this vessel has no positions")
                                       : tr("no position at this time"));
        }
        return;
    }
    const bool observed = state->provenance == model::Provenance::Observed;
    // Reported places carry a date only: a clock time would be invented.
    m_time->setText(utc(timeUtcMs, observed) +
                    (observed ? QString() : tr(" (time of day not known)")));
    m_position->setText(geo::formatLatLonMinutes(state->position.latDeg, state->position.lonDeg));
    m_decimal->setText(geo::formatLatLonDecimal(state->position.latDeg, state->position.lonDeg));
    const QString assumed = observed ? QString() : tr(" (assumed)");
    m_speed->setText(state->speedKnots
                         ? tr("%1 kn").arg(locale.toString(*state->speedKnots, 'f', 1)) + assumed
                         : unknown());
    m_course->setText(state->courseDeg
                          ? tr("%1°").arg(locale.toString(*state->courseDeg, 'f', 0)) + assumed
                          : unknown());
    m_heading->setText(state->headingDeg ? tr("%1°").arg(*state->headingDeg) : tr("not reported"));
    m_status->setText(state->navStatus
                          ? QString::fromLatin1(ais::navStatusText(*state->navStatus).data())
                          : tr("not reported"));
    switch (state->provenance) {
    case model::Provenance::Observed:
        m_provenance->setText(live ? tr("observed: the last live AIS report, %1 s before")
                                         .arg((timeUtcMs - m_liveFix->timeUtcMs) / 1000)
                                   : tr("observed: AIS position"));
        break;
    case model::Provenance::Reported:
        m_provenance->setText(tr("reported: a source places the ship at this port on this "
                                 "date (its berth is not reported: drawn at the quay nearest "
                                 "the port's reference point)"));
        break;
    case model::Provenance::Reconstructed:
        m_provenance->setText(
            tr("reconstructed: a plausible sea route between reported places, not a fix"));
        break;
    }
    m_lastObserved->setText(state->lastObservedUtcMs ? utc(*state->lastObservedUtcMs, true)
                                                     : tr("never (no AIS position so far)"));
    const replay::DistanceRun run = m_distances.between(m_rangeStart, timeUtcMs);
    QString distance =
        tr("%1 nm since %2").arg(locale.toString(run.totalNm, 'f', 0), utc(m_rangeStart, false));
    if (run.totalNm > 0.0 && run.observedNm < run.totalNm) {
        distance += tr(" (%1 nm of it along a reconstructed route)")
                        .arg(locale.toString(run.totalNm - run.observedNm, 'f', 0));
    }
    m_distance->setText(distance);
}

} // namespace wake::ui

#include "core/live/live_session.h"

#include "core/ais/tag_stamp.h"
#include "core/live/live_gap_event.h"

#include <QDateTime>

#include <algorithm>

namespace wake::live {

namespace {

// Live transactions stay small: a commit a second holds a few thousand rows.
constexpr std::size_t kLiveBatchRows = 200'000;
constexpr std::int64_t kMaxUncommittedPositions = 100'000;
constexpr std::size_t kHeldLinesPerTurn = 20'000;

// Names go into tag blocks (s:), where , * and \ have meanings.
QString tagSafe(QString name)
{
    for (QChar& c : name) {
        if (c == QLatin1Char(',') || c == QLatin1Char('*') || c == QLatin1Char('\\') ||
            c == QLatin1Char('!') || c == QLatin1Char('$') || c.unicode() < 0x20) {
            c = QLatin1Char('_');
        }
    }
    return name;
}

bool isClassBCs(const ais::Message& message)
{
    if (const auto* b = std::get_if<ais::PositionReportB>(&message.body)) {
        return b->cs;
    }
    return false;
}

} // namespace

LiveSession::LiveSession(store::Database& db, LiveOptions options, QObject* parent)
    : QObject(parent), m_db(db), m_options(std::move(options)), m_sink(db, kLiveBatchRows),
      m_targets(m_options.lostIntervals)
{
    if (!m_options.recordFolder.isEmpty()) {
        m_recorder = std::make_unique<Recorder>(m_options.recordFolder);
    }
    m_commitTimer.setInterval(m_options.commitIntervalMs);
    connect(&m_commitTimer, &QTimer::timeout, this, &LiveSession::onCommitTimer);
    m_commitTimer.start();
}

LiveSession::~LiveSession()
{
    stop();
}

Status LiveSession::addSource(const LiveSourceConfig& config)
{
    auto url = parseSourceUrl(config.url);
    if (!url) {
        return url.error();
    }
    const QString name = tagSafe(config.name.isEmpty() ? url->displayName() : config.name);
    for (const auto& s : m_sources) {
        if (!s->removed && s->config.name == name) {
            return Error{Error::Code::InvalidArgument,
                         QStringLiteral("a source named '%1' exists already").arg(name),
                         {}};
        }
    }
    auto storeId = m_db.liveSourceId(name, url->text);
    if (!storeId) {
        return storeId.error();
    }
    auto entry = std::make_unique<Source>();
    entry->config = config;
    entry->config.name = name;
    entry->storeId = *storeId;
    entry->source = LiveSource::create(name, *url, m_options.timing);
    const std::size_t index = m_sources.size();
    entry->source->setLineHandler([this, index](std::string_view line, std::int64_t receiveUtcMs) {
        handleLine(index, line, receiveUtcMs);
    });
    connect(entry->source.get(), &LiveSource::stateChanged, this,
            [this, name](SourceState state) { Q_EMIT sourceStateChanged(name, state); });
    LiveSource* source = entry->source.get();
    m_sources.push_back(std::move(entry));
    if (config.enabled) {
        source->start();
    }
    return {};
}

LiveSource* LiveSession::source(const QString& name) const
{
    for (const auto& s : m_sources) {
        if (!s->removed && s->config.name == name) {
            return s->source.get();
        }
    }
    return nullptr;
}

bool LiveSession::removeSource(const QString& name)
{
    for (auto& s : m_sources) {
        if (!s->removed && s->config.name == name) {
            s->source->stop();
            s->removed = true; // the slot stays: indexes of the others hold
            return true;
        }
    }
    return false;
}

bool LiveSession::setSourceEnabled(const QString& name, bool enabled)
{
    for (auto& s : m_sources) {
        if (!s->removed && s->config.name == name) {
            s->config.enabled = enabled;
            if (enabled) {
                s->source->start();
            } else {
                s->source->stop();
            }
            return true;
        }
    }
    return false;
}

void LiveSession::stop()
{
    for (auto& s : m_sources) {
        if (s->source) {
            s->source->stop();
        }
    }
    m_commitTimer.stop();
    if (!m_storeReady) {
        return; // the store never became ready: nothing can be stored
    }
    drainHeld(m_held.size()); // every line read before the stop is stored
    (void)m_sink.finish();    // short tracks' fixes are kept too
    (void)commit();
}

void LiveSession::handleLine(std::size_t sourceIndex, std::string_view line,
                             std::int64_t receiveUtcMs)
{
    if (sourceIndex >= m_sources.size()) {
        return;
    }
    Source& source = *m_sources[sourceIndex];
    const ais::StampedLine stamped =
        ais::stampLine(line, receiveUtcMs, source.config.name.toStdString());
    if (m_recorder) {
        // An over-long line (a sender that never ends its line) is recorded
        // as a marker, not as kilobytes of whatever it held.
        if (line.size() > ais::kMaxLineBytes) {
            m_recorder->write("# wake: a line longer than " + std::to_string(ais::kMaxLineBytes) +
                                  " bytes was received here and not recorded",
                              receiveUtcMs);
        } else {
            m_recorder->write(stamped.text, receiveUtcMs);
        }
    }
    if (m_holding) {
        const std::size_t cost = stamped.text.size() + sizeof(HeldLine) + 32;
        if (m_heldBytes + cost > kMaxHeldBytes) {
            ++m_counts.heldLinesDropped;
            return;
        }
        m_heldBytes += cost;
        m_held.push_back({sourceIndex, stamped.text, stamped.senderTime, receiveUtcMs});
        return;
    }
    processLine(sourceIndex, stamped.text, stamped.senderTime, receiveUtcMs);
}

void LiveSession::processLine(std::size_t sourceIndex, std::string_view stampedLine,
                              bool senderTime, std::int64_t receiveUtcMs)
{
    Source& source = *m_sources[sourceIndex];
    if (source.config.ownShip && stampedLine.find('$') != std::string_view::npos) {
        if (const auto fix = source.gps.line(stampedLine)) {
            handleOwnShipFix(GpsSentences::tagTimeUtcMs(stampedLine).value_or(receiveUtcMs), *fix);
        }
        return;
    }
    if (const ais::DecodedMessage* m = source.decoder.decodeLine(stampedLine)) {
        handleMessage(sourceIndex, *m, receiveUtcMs, senderTime);
    }
}

void LiveSession::handleOwnShipFix(std::int64_t timeUtcMs, const ais::PositionFix& fix)
{
    model::VesselId id = 0;
    if (m_ownShipMmsi) {
        if (Status s = m_sink.addPosition(*m_ownShipMmsi, timeUtcMs, fix); !s) {
            noteStoreError(s.error());
        } else {
            ++m_uncommittedPositions;
        }
        auto stored = m_sink.vesselId(*m_ownShipMmsi);
        id = stored ? *stored : 0;
    }
    if (m_observer) {
        m_observer({timeUtcMs, m_ownShipMmsi.value_or(0), id, &fix, nullptr, nullptr, true});
    }
}

void LiveSession::holdLines()
{
    m_holding = true;
    m_storeReady = false;
}

void LiveSession::releaseLines()
{
    m_storeReady = true;
    drainHeld(kHeldLinesPerTurn);
}

void LiveSession::drainHeld(std::size_t limit)
{
    m_drainPending = false;
    for (std::size_t n = 0; n < limit && !m_held.empty(); ++n) {
        const HeldLine& line = m_held.front();
        processLine(line.source, line.stamped, line.senderTime, line.receiveUtcMs);
        m_heldBytes -= std::min(m_heldBytes, line.stamped.size() + sizeof(HeldLine) + 32);
        m_held.pop_front();
    }
    if (m_held.empty()) {
        m_holding = false;
        m_heldBytes = 0;
        return;
    }
    if (!m_drainPending) {
        m_drainPending = true; // the rest after other work: commits, --for, Ctrl-C
        QTimer::singleShot(0, this, [this] {
            if (m_storeReady) {
                drainHeld(kHeldLinesPerTurn);
            }
        });
    }
}

void LiveSession::handleMessage(std::size_t sourceIndex, const ais::DecodedMessage& m,
                                std::int64_t receiveUtcMs, bool senderTime)
{
    Source& source = *m_sources[sourceIndex];
    // Stamped lines always carry a time: the sender's, or the receive time.
    const std::int64_t time = m.tagTimeUtcMs.value_or(receiveUtcMs);
    const std::uint32_t mmsi = m.message.header.mmsi;
    const auto basis = senderTime ? store::TimeBasis::SenderTag : store::TimeBasis::ReceiveTime;
    const std::optional<ais::PositionFix> fix = ais::vesselPosition(m.message);
    if (fix) {
        ++source.positions;
    }
    if (const auto first = m_duplicates.check(m.payloadHash, time, static_cast<int>(sourceIndex))) {
        ++source.duplicates;
        if (fix) {
            if (Status s = m_sink.addReception(mmsi, first->timeUtcMs, source.storeId, receiveUtcMs,
                                               basis);
                !s) {
                noteStoreError(s.error());
            }
        }
        return;
    }
    if (fix) {
        if (Status s = m_sink.addPosition(mmsi, time, *fix); !s) {
            noteStoreError(s.error());
            return;
        }
        ++m_uncommittedPositions;
        if (Status s = m_sink.addReception(mmsi, time, source.storeId, receiveUtcMs, basis); !s) {
            noteStoreError(s.error());
        }
        if (m_uncommittedPositions >= kMaxUncommittedPositions) {
            // A flood of new positions is committed as it comes, not held
            // in memory until the next tick of the commit timer.
            (void)m_sink.finish();
            (void)commit();
        }
        const TargetTable::Update update = m_targets.updatePosition(
            mmsi, m.message.header.type, isClassBCs(m.message), time, *fix);
        if (update.isNew) {
            if (auto id = m_sink.vesselId(mmsi)) {
                m_targets.setVesselId(mmsi, *id);
            }
        }
        if (update.silenceFromUtcMs) {
            storeGap(*update.target, *update.silenceFromUtcMs, update.silenceIntervalMs);
        }
        if (m_observer) {
            auto id = m_sink.vesselId(mmsi);
            m_observer({time, mmsi, id ? *id : 0, &*fix, nullptr, nullptr, m.ownShip});
        }
    } else if (auto identity = ais::vesselIdentity(m.message)) {
        if (Status s = m_sink.addIdentity(mmsi, *identity, time); !s) {
            noteStoreError(s.error());
        }
        m_targets.updateIdentity(mmsi, *identity);
        if (m_observer) {
            auto id = m_sink.vesselId(mmsi);
            m_observer({time, mmsi, id ? *id : 0, nullptr, &*identity, nullptr, m.ownShip});
        }
    } else if (m_stations.update(m.message, time)) {
        // An aid to navigation, a base station or a SAR aircraft: drawn, not stored.
    } else if (const auto* safety = std::get_if<ais::SafetyBroadcast>(&m.message.body);
               safety != nullptr && m_observer) {
        m_observer({time, mmsi, 0, nullptr, nullptr, safety, m.ownShip});
    }
}

void LiveSession::storeGap(const LiveTarget& target, std::int64_t silenceFromUtcMs,
                           std::int64_t intervalMs)
{
    auto id = m_sink.vesselId(target.mmsi); // inside the open transaction
    if (!id) {
        noteStoreError(id.error());
        return;
    }
    const model::Event event =
        liveGapEvent(*id, target, silenceFromUtcMs, intervalMs, m_options.lostIntervals);
    if (auto stored = m_db.insertEvent(event); !stored) {
        noteStoreError(stored.error());
        return;
    }
    ++m_counts.gapEvents;
}

Status LiveSession::commit()
{
    if (m_recorder) {
        m_recorder->flush();
    }
    const std::int64_t before = m_sink.counts().positionsStored;
    if (Status s = m_sink.commit(); !s) {
        noteStoreError(s.error());
        m_uncommittedPositions = 0;
        return s;
    }
    m_counts.positionsStored = m_sink.counts().positionsStored;
    m_counts.vesselsCreated = m_sink.counts().vesselsCreated;
    m_uncommittedPositions = 0;
    if (m_counts.positionsStored != before) {
        Q_EMIT committed();
    }
    return {};
}

void LiveSession::onCommitTimer()
{
    if (!m_storeReady) {
        return; // the store is not ready: nothing to commit yet
    }
    (void)m_sink.finish(); // short tracks' fixes are kept too
    (void)commit();
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (auto& s : m_sources) {
        if (s->lastRateUtcMs > 0 && now > s->lastRateUtcMs) {
            s->messagesPerSecond =
                static_cast<double>(s->decoder.stats().messages - s->messagesAtLastRate) * 1000.0 /
                static_cast<double>(now - s->lastRateUtcMs);
        }
        s->messagesAtLastRate = s->decoder.stats().messages;
        s->lastRateUtcMs = now;
    }
    // A day after they were lost, targets leave memory (the store keeps them).
    constexpr std::int64_t kForgetAfterMs = 24LL * 3600 * 1000;
    m_targets.forgetLostBefore(now - kForgetAfterMs);
}

void LiveSession::noteStoreError(const Error& error)
{
    ++m_counts.storeErrors;
    const bool first = m_counts.lastStoreError.isEmpty();
    m_counts.lastStoreError = error.toString();
    if (first || m_counts.storeErrors % 1000 == 0) {
        Q_EMIT storeFailed(m_counts.lastStoreError);
    }
}

std::vector<SourceStatus> LiveSession::sourceStatus() const
{
    std::vector<SourceStatus> out;
    for (const auto& s : m_sources) {
        if (s->removed) {
            continue;
        }
        SourceStatus st;
        st.name = s->config.name;
        st.url = maskedSourceUrl(s->config.url);
        st.enabled = s->config.enabled;
        st.state = s->source->state();
        st.counters = s->source->counters();
        st.decode = s->decoder.stats();
        st.positions = s->positions;
        st.duplicates = s->duplicates;
        st.messagesPerSecond = s->messagesPerSecond;
        out.push_back(std::move(st));
    }
    return out;
}

} // namespace wake::live

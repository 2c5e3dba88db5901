#include "core/investigate/port_calls.h"

#include "core/reference/flag_states.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace wake::investigate {

namespace {

bool knownToTheHour(const model::TimeSpan& t)
{
    return t.precision != model::TimePrecision::Year &&
           t.precision != model::TimePrecision::Month && t.precision != model::TimePrecision::Day;
}

// "Havana, Cuba" is the port Havana in Cuba; "Limón Bay / port of Colón,
// Panama" keeps its words before the country.
void placeOf(const model::Event& e, const reference::FlagStates* flags, PortCall& call)
{
    const qsizetype comma = e.place.lastIndexOf(QLatin1Char(','));
    call.port = comma > 0 ? e.place.left(comma).trimmed() : e.place.trimmed();
    if (comma > 0 && flags != nullptr) {
        call.country = flags->alpha2ForCountry(e.place.mid(comma + 1).trimmed());
    }
    call.locode = e.portLocode;
}

PortCall observed(const model::Event& e)
{
    PortCall call;
    call.vesselId = e.vesselId.value_or(0);
    call.basis = CallBasis::Observed;
    call.eventId = e.id;
    model::TimeSpan arrival = e.time;
    arrival.endUtcMs = arrival.startUtcMs;
    model::TimeSpan departure = e.time;
    departure.startUtcMs = departure.endUtcMs;
    call.arrival = arrival;
    call.departure = departure;
    const QJsonObject port = QJsonDocument::fromJson(e.evidence.toUtf8())
                                 .object()
                                 .value(QLatin1String("port"))
                                 .toObject();
    call.port = port.value(QLatin1String("name")).toString();
    call.locode = port.value(QLatin1String("unlocode")).toString();
    call.country = port.value(QLatin1String("country")).toString();
    if (call.port.isEmpty()) {
        call.port = e.place;
    }
    if (call.locode.isEmpty()) {
        call.locode = e.portLocode;
    }
    return call;
}

void possibleCalls(const model::Event& gap, std::vector<PortCall>& out)
{
    const QJsonArray calls = QJsonDocument::fromJson(gap.evidence.toUtf8())
                                 .object()
                                 .value(QLatin1String("possibleCalls"))
                                 .toArray();
    for (const QJsonValue& v : calls) {
        const QJsonObject o = v.toObject();
        PortCall call;
        call.vesselId = gap.vesselId.value_or(0);
        call.basis = CallBasis::Possible;
        call.eventId = gap.id;
        call.port = o.value(QLatin1String("name")).toString();
        call.locode = o.value(QLatin1String("unlocode")).toString();
        call.country = o.value(QLatin1String("country")).toString();
        call.detourNm = o.value(QLatin1String("detourNm")).toDouble();
        // Somewhere within the gap: the gap's span is all that is known.
        call.arrival = gap.time;
        call.departure = gap.time;
        out.push_back(std::move(call));
    }
}

} // namespace

QString toString(CallBasis basis)
{
    switch (basis) {
    case CallBasis::Observed:
        return QStringLiteral("observed");
    case CallBasis::Reported:
        return QStringLiteral("reported");
    case CallBasis::Possible:
        break;
    }
    return QStringLiteral("possible");
}

bool PortCall::durationIsByDate() const
{
    return arrival && departure && (!knownToTheHour(*arrival) || !knownToTheHour(*departure));
}

std::optional<std::int64_t> PortCall::durationMs() const
{
    auto toTheDay = [](const model::TimeSpan& t) {
        return t.precision != model::TimePrecision::Year &&
               t.precision != model::TimePrecision::Month;
    };
    if (basis == CallBasis::Possible || !arrival || !departure || !toTheDay(*arrival) ||
        !toTheDay(*departure)) {
        return std::nullopt;
    }
    if (durationIsByDate()) {
        constexpr std::int64_t kDay = 86'400'000;
        return (departure->startUtcMs / kDay - arrival->startUtcMs / kDay) * kDay;
    }
    return departure->startUtcMs - arrival->startUtcMs;
}

std::int64_t PortCall::startUtcMs() const
{
    return arrival ? arrival->startUtcMs : departure ? departure->startUtcMs : 0;
}

std::int64_t PortCall::endUtcMs() const
{
    return departure ? departure->endUtcMs : arrival ? arrival->endUtcMs : startUtcMs();
}

std::vector<PortCall> portCalls(const std::vector<model::Event>& events,
                                const reference::FlagStates* flags)
{
    std::vector<PortCall> out;
    // Reported arrivals and departures, per vessel in time order.
    std::map<model::VesselId, std::vector<const model::Event*>> reported;
    for (const model::Event& e : events) {
        if (!e.vesselId) {
            continue;
        }
        switch (e.kind) {
        case model::EventKind::PortVisit:
            out.push_back(observed(e));
            break;
        case model::EventKind::AisGap:
            possibleCalls(e, out);
            break;
        case model::EventKind::Arrival:
        case model::EventKind::Departure:
            reported[*e.vesselId].push_back(&e);
            break;
        default:
            break;
        }
    }
    for (auto& [vessel, list] : reported) {
        std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
            return a->time.startUtcMs < b->time.startUtcMs;
        });
        for (std::size_t i = 0; i < list.size(); ++i) {
            const model::Event& e = *list[i];
            PortCall call;
            call.vesselId = vessel;
            call.basis = CallBasis::Reported;
            call.eventId = e.id;
            placeOf(e, flags, call);
            if (e.kind == model::EventKind::Arrival) {
                call.arrival = e.time;
                // The next reported movement, if it is a departure, leaves this port.
                if (i + 1 < list.size() && list[i + 1]->kind == model::EventKind::Departure) {
                    call.departure = list[i + 1]->time;
                    ++i;
                }
            } else {
                call.departure = e.time; // a departure whose arrival no source gives
            }
            out.push_back(std::move(call));
        }
    }
    std::sort(out.begin(), out.end(), [](const PortCall& a, const PortCall& b) {
        if (a.vesselId != b.vesselId) {
            return a.vesselId < b.vesselId;
        }
        if (a.startUtcMs() != b.startUtcMs()) {
            return a.startUtcMs() < b.startUtcMs();
        }
        return a.basis < b.basis;
    });
    return out;
}

bool passes(const PortCall& call, const CallFilter& filter)
{
    if (!filter.withPossible && call.basis == CallBasis::Possible) {
        return false;
    }
    if (filter.vesselId && call.vesselId != *filter.vesselId) {
        return false;
    }
    if (!filter.country.isEmpty() &&
        call.country.compare(filter.country, Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (!filter.port.isEmpty() && call.locode.compare(filter.port, Qt::CaseInsensitive) != 0 &&
        !call.port.contains(filter.port, Qt::CaseInsensitive)) {
        return false;
    }
    if (filter.fromUtcMs && call.endUtcMs() < *filter.fromUtcMs) {
        return false;
    }
    if (filter.toUtcMs && call.startUtcMs() > *filter.toUtcMs) {
        return false;
    }
    return true;
}

} // namespace wake::investigate

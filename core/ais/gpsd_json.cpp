#include "ais/gpsd_json.h"

#include "ais/ais_texts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace wake::ais {

namespace {

// A small append-only JSON object writer; keys are trusted literals, string
// values are escaped.
class JsonObject
{
public:
    explicit JsonObject(std::string& out) : m_out(out) { m_out.push_back('{'); }
    // Continues an object whose opening and first members are already in out.
    struct Continue
    {};
    JsonObject(std::string& out, Continue) : m_out(out), m_first(false) {}
    void close() { m_out.append("}\n"); }

    // One append per key: this runs about 20 times per message.
    void key(std::string_view k)
    {
        char buf[48];
        std::size_t n = 0;
        if (!m_first) {
            buf[n++] = ',';
        }
        m_first = false;
        buf[n++] = '"';
        const std::size_t len = std::min(k.size(), sizeof buf - 4);
        std::memcpy(buf + n, k.data(), len);
        n += len;
        buf[n++] = '"';
        buf[n++] = ':';
        m_out.append(buf, n);
    }
    void integer(std::string_view k, std::int64_t v)
    {
        key(k);
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        m_out.append(buf, r.ptr);
    }
    void boolean(std::string_view k, bool v)
    {
        key(k);
        m_out.append(v ? "true" : "false");
    }
    void fixed(std::string_view k, double v, int decimals)
    {
        key(k);
        char buf[48];
        const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
        m_out.append(buf, r.ptr);
    }
    // units / 10^decimals, printed from integers: much faster than
    // formatting a double, and exact for the tenths AIS sends.
    void decimal(std::string_view k, std::int64_t units, int decimals)
    {
        key(k);
        if (units < 0) {
            m_out.push_back('-');
            units = -units;
        }
        std::int64_t scale = 1;
        for (int i = 0; i < decimals; ++i) {
            scale *= 10;
        }
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, units / scale);
        m_out.append(buf, r.ptr);
        if (decimals > 0) {
            m_out.push_back('.');
            r = std::to_chars(buf, buf + sizeof buf, units % scale);
            m_out.append(static_cast<std::size_t>(decimals - (r.ptr - buf)), '0');
            m_out.append(buf, r.ptr);
        }
    }
    void string(std::string_view k, std::string_view v)
    {
        key(k);
        m_out.push_back('"');
        if (v.find_first_of("\"\\") == std::string_view::npos) {
            m_out.append(v);
        } else {
            for (const char c : v) {
                if (c == '"' || c == '\\') {
                    m_out.push_back('\\');
                }
                m_out.push_back(c);
            }
        }
        m_out.push_back('"');
    }

private:
    std::string& m_out;
    bool m_first = true;
};

struct Writer
{
    JsonObject& j;
    bool scaled;

    void position(std::int32_t lon, std::int32_t lat) const
    {
        if (scaled) {
            // 1/10000 minute to micro-degrees: x / 600000 * 1e6 = x / 0.6.
            j.decimal("lon", std::llround(lon / 0.6), 6);
            j.decimal("lat", std::llround(lat / 0.6), 6);
        } else {
            j.integer("lon", lon);
            j.integer("lat", lat);
        }
    }
    // SOG or COG in tenths.
    void tenths(std::string_view k, int raw) const
    {
        if (scaled) {
            j.decimal(k, raw, 1);
        } else {
            j.integer(k, raw);
        }
    }
    void dimensions(const Dimensions& d) const
    {
        j.integer("to_bow", d.toBow);
        j.integer("to_stern", d.toStern);
        j.integer("to_port", d.toPort);
        j.integer("to_starboard", d.toStarboard);
    }
    void shiptype(int code) const
    {
        j.integer("shiptype", code);
        j.string("shiptype_text", shipTypeText(code));
    }
    void epfd(int code) const
    {
        j.integer("epfd", code);
        j.string("epfd_text", epfdText(code));
    }

    void operator()(const PositionReportA& r) const
    {
        j.integer("status", r.status);
        j.string("status_text", navStatusText(r.status));
        if (!scaled) {
            j.integer("turn", r.turn);
        } else if (r.turn == -128) {
            j.string("turn", "nan");
        } else if (r.turn == -127) {
            j.string("turn", "fastleft");
        } else if (r.turn == 127) {
            j.string("turn", "fastright");
        } else {
            // gpsd 3.22 prints the square without its sign; Wake keeps the
            // sign, so a turn to port reads negative as the standard says.
            j.fixed("turn", *turnDegPerMin(r.turn), 0);
        }
        if (scaled && r.speed == 1023) {
            j.string("speed", "nan");
        } else {
            tenths("speed", r.speed);
        }
        j.boolean("accuracy", r.accuracy);
        position(r.lon, r.lat);
        tenths("course", r.course);
        j.integer("heading", r.heading);
        j.integer("second", r.second);
        j.integer("maneuver", r.maneuver);
        j.boolean("raim", r.raim);
        j.integer("radio", r.radio);
    }
    void operator()(const BaseStationReport& r) const
    {
        char ts[40];
        std::snprintf(ts, sizeof ts, "%04u-%02u-%02uT%02u:%02u:%02uZ", unsigned{r.year},
                      unsigned{r.month}, unsigned{r.day}, unsigned{r.hour}, unsigned{r.minute},
                      unsigned{r.second});
        j.string("timestamp", ts);
        j.boolean("accuracy", r.accuracy);
        position(r.lon, r.lat);
        epfd(r.epfd);
        j.boolean("raim", r.raim);
        j.integer("radio", r.radio);
    }
    void operator()(const StaticVoyageData& r) const
    {
        j.integer("imo", r.imo);
        j.integer("ais_version", r.aisVersion);
        j.string("callsign", r.callsign.view());
        j.string("shipname", r.shipname.view());
        shiptype(r.shiptype);
        dimensions(r.dimensions);
        epfd(r.epfd);
        char eta[24];
        std::snprintf(eta, sizeof eta, "%02u-%02uT%02u:%02uZ", unsigned{r.month}, unsigned{r.day},
                      unsigned{r.hour}, unsigned{r.minute});
        j.string("eta", eta);
        if (scaled) {
            j.decimal("draught", r.draught, 1);
        } else {
            j.integer("draught", r.draught);
        }
        j.string("destination", r.destination.view());
        j.integer("dte", r.dte ? 1 : 0);
    }
    void operator()(const SarAircraftReport& r) const
    {
        if (scaled && r.alt == 4095) {
            j.string("alt", "nan");
        } else {
            j.integer("alt", r.alt);
        }
        if (scaled && r.speed == 1023) {
            j.string("speed", "nan");
        } else {
            j.integer("speed", r.speed); // whole knots for aircraft
        }
        j.boolean("accuracy", r.accuracy);
        position(r.lon, r.lat);
        tenths("course", r.course);
        j.integer("second", r.second);
        j.integer("regional", r.regional);
        j.integer("dte", r.dte ? 1 : 0);
        j.boolean("raim", r.raim);
        j.integer("radio", r.radio);
    }
    void classBPosition(const PositionReportB& r) const
    {
        j.integer("reserved", r.reserved);
        tenths("speed", r.speed);
        j.boolean("accuracy", r.accuracy);
        position(r.lon, r.lat);
        tenths("course", r.course);
        j.integer("heading", r.heading);
        j.integer("second", r.second);
        j.integer("regional", r.regional);
    }
    void positionB(const PositionReportB& r) const
    {
        classBPosition(r);
        j.boolean("cs", r.cs);
        j.boolean("display", r.display);
        j.boolean("dsc", r.dsc);
        j.boolean("band", r.band);
        j.boolean("msg22", r.msg22);
        j.boolean("raim", r.raim);
        j.integer("radio", r.radio);
    }
    void extendedB(const PositionReportB& r) const
    {
        classBPosition(r);
        j.string("shipname", r.shipname.view());
        shiptype(r.shiptype);
        dimensions(r.dimensions);
        epfd(r.epfd);
        j.boolean("raim", r.raim);
        j.integer("dte", r.dte ? 1 : 0);
        j.boolean("assigned", r.assigned);
    }
    void operator()(const AidToNavigationReport& r) const
    {
        j.integer("aid_type", r.aidType);
        j.string("aid_type_text", aidTypeText(r.aidType));
        j.string("name", r.name.view());
        j.boolean("accuracy", r.accuracy);
        position(r.lon, r.lat);
        dimensions(r.dimensions);
        epfd(r.epfd);
        j.integer("second", r.second);
        j.integer("regional", r.regional);
        j.boolean("off_position", r.offPosition);
        j.boolean("raim", r.raim);
        j.boolean("virtual_aid", r.virtualAid);
    }
    void operator()(const StaticDataReport& r) const
    {
        if (r.part == StaticDataReport::Part::A) {
            j.string("part", "A");
            j.string("shipname", r.shipname.view());
            return;
        }
        j.string("part", "B");
        shiptype(r.shiptype);
        j.string("vendorid", r.vendorid.view());
        j.integer("model", r.model);
        j.integer("serial", r.serial);
        j.string("callsign", r.callsign.view());
        if (r.mothershipMmsi) {
            j.integer("mothership_mmsi", *r.mothershipMmsi);
        } else {
            dimensions(r.dimensions);
        }
    }
    void operator()(const LongRangeReport& r) const
    {
        // gpsd 3.22 prints only the status text here; Wake prints the code
        // with its text, as for types 1-3 (and as gpsd 3.27 does).
        j.integer("status", r.status);
        j.string("status_text", navStatusText(r.status));
        j.boolean("accuracy", r.accuracy);
        if (scaled) {
            // 1/10 minute; gpsd 3.22 rounds these to 0.1 degree, Wake does not.
            j.decimal("lon", std::llround(r.lon / 0.06), 4);
            j.decimal("lat", std::llround(r.lat / 0.06), 4);
        } else {
            j.integer("lon", r.lon);
            j.integer("lat", r.lat);
        }
        j.integer("speed", r.speed);
        j.integer("course", r.course);
        j.boolean("raim", r.raim);
        j.boolean("gnss", r.gnss);
    }
    void operator()(const UnsupportedMessage& r) const
    {
        j.string("payload", r.payload);
        j.integer("fill", r.fillBits);
        j.integer("bits", r.bitCount);
    }
    void operator()(const PositionReportB&) const {} // dispatched by type below
};

} // namespace

void appendGpsdJson(std::string& out, const Message& message, JsonScale scale,
                    std::string_view device)
{
    // The opening is the same for every message of an input: built once per
    // device and thread, then copied.
    thread_local std::string cachedDevice;
    thread_local std::string opening;
    if (opening.empty() || cachedDevice != device) {
        cachedDevice.assign(device);
        opening.clear();
        JsonObject head(opening);
        head.string("class", "AIS");
        head.string("device", device);
    }
    out.append(opening);
    JsonObject j(out, JsonObject::Continue{});
    j.integer("type", message.header.type);
    j.integer("repeat", message.header.repeat);
    j.integer("mmsi", message.header.mmsi);
    j.boolean("scaled", scale == JsonScale::Scaled);
    const Writer writer{j, scale == JsonScale::Scaled};
    if (const auto* b = std::get_if<PositionReportB>(&message.body)) {
        if (message.header.type == 19) {
            writer.extendedB(*b);
        } else {
            writer.positionB(*b);
        }
    } else {
        std::visit(writer, message.body);
    }
    j.close();
}

} // namespace wake::ais

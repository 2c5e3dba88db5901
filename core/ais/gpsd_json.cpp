#include "core/ais/gpsd_json.h"

#include "core/ais/ais_texts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace wake::ais {

namespace {

// A small append-only JSON object writer; keys are trusted literals, string
// values are escaped. Members are written into a buffer on the stack and
// appended to the output a message at a time: an append per member (about
// 20 a message, each checking the string's capacity and calling memcpy) was
// most of what formatting cost.
class JsonObject
{
public:
    explicit JsonObject(std::string& out) : m_out(out) { *m_p++ = '{'; }
    // Continues an object whose opening and first members are already in out.
    struct Continue
    {};
    JsonObject(std::string& out, Continue) : m_out(out), m_first(false) {}
    JsonObject(const JsonObject&) = delete;
    JsonObject& operator=(const JsonObject&) = delete;
    ~JsonObject() { flush(); }
    void close()
    {
        room(2);
        *m_p++ = '}';
        *m_p++ = '\n';
        flush();
    }

    void integer(std::string_view k, std::int64_t v)
    {
        key(k, kNumberRoom);
        m_p = std::to_chars(m_p, m_p + kNumberRoom, v).ptr;
    }
    void boolean(std::string_view k, bool v)
    {
        key(k, 5);
        put(v ? std::string_view("true") : std::string_view("false"));
    }
    void fixed(std::string_view k, double v, int decimals)
    {
        key(k, kNumberRoom);
        const auto r = std::to_chars(m_p, m_p + kNumberRoom, v, std::chars_format::fixed, decimals);
        if (r.ec == std::errc()) {
            m_p = r.ptr;
        }
    }
    // units / 10^decimals, printed from integers: much faster than
    // formatting a double, and exact for the tenths AIS sends.
    void decimal(std::string_view k, std::int64_t units, int decimals)
    {
        key(k, kNumberRoom);
        // The magnitude as an unsigned number: -INT64_MIN has no int64_t.
        std::uint64_t magnitude = static_cast<std::uint64_t>(units);
        if (units < 0) {
            *m_p++ = '-';
            magnitude = 0 - magnitude;
        }
        std::uint64_t scale = 1;
        for (int i = 0; i < decimals; ++i) {
            scale *= 10;
        }
        m_p = std::to_chars(m_p, m_p + kNumberRoom, magnitude / scale).ptr;
        if (decimals > 0) {
            *m_p++ = '.';
            std::uint64_t rest = magnitude % scale;
            for (int i = decimals - 1; i >= 0; --i) {
                m_p[i] = static_cast<char>('0' + rest % 10);
                rest /= 10;
            }
            m_p += decimals;
        }
    }
    void string(std::string_view k, std::string_view v)
    {
        // Escaping at most doubles the text; a text longer than the buffer
        // (a path, an unsupported payload) goes straight to the output.
        const std::size_t worst = 2 * v.size() + 2;
        if (worst > kBufferBytes / 2) {
            key(k, 1);
            *m_p++ = '"';
            flush();
            appendEscaped(m_out, v);
            m_out.push_back('"');
            return;
        }
        key(k, worst);
        *m_p++ = '"';
        for (const char c : v) {
            if (c == '"' || c == '\\') {
                *m_p++ = '\\';
            }
            *m_p++ = c;
        }
        *m_p++ = '"';
    }

private:
    static constexpr std::size_t kBufferBytes = 1024;
    static constexpr std::size_t kNumberRoom = 48; // any int64 or fixed double, and a sign
    static constexpr std::size_t kMaxKey = 40;

    static void appendEscaped(std::string& out, std::string_view v)
    {
        for (const char c : v) {
            if (c == '"' || c == '\\') {
                out.push_back('\\');
            }
            out.push_back(c);
        }
    }
    // Room for n more bytes in the buffer, flushing it when it has less.
    void room(std::size_t n)
    {
        if (static_cast<std::size_t>(m_buffer + kBufferBytes - m_p) < n) {
            flush();
        }
    }
    void flush()
    {
        m_out.append(m_buffer, static_cast<std::size_t>(m_p - m_buffer));
        m_p = m_buffer;
    }
    // Keys are short literals: copied byte by byte, which beats a call to
    // memcpy at these sizes.
    void put(std::string_view t)
    {
        for (const char c : t) {
            *m_p++ = c;
        }
    }
    // ,"key": with room after it for a value of up to valueRoom bytes.
    void key(std::string_view k, std::size_t valueRoom)
    {
        k = k.substr(0, kMaxKey);
        room(k.size() + 4 + valueRoom);
        if (!m_first) {
            *m_p++ = ',';
        }
        m_first = false;
        *m_p++ = '"';
        put(k);
        *m_p++ = '"';
        *m_p++ = ':';
    }

    std::string& m_out;
    bool m_first = true;
    char m_buffer[kBufferBytes];
    char* m_p = m_buffer;
};

// v in decimal, zero-padded to at least width digits, as printf's %0*u.
char* digits(char* p, unsigned v, int width)
{
    char tmp[12];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n < width) {
        tmp[n++] = '0';
    }
    while (n > 0) {
        *p++ = tmp[--n];
    }
    return p;
}

// MM-DDThh:mm, the part gpsd's timestamps and ETAs share.
char* monthDayTime(char* p, unsigned month, unsigned day, unsigned hour, unsigned minute)
{
    p = digits(p, month, 2);
    *p++ = '-';
    p = digits(p, day, 2);
    *p++ = 'T';
    p = digits(p, hour, 2);
    *p++ = ':';
    return digits(p, minute, 2);
}

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
        // YYYY-MM-DDThh:mm:ssZ, as gpsd prints it (fields are 14 and 6 bits wide).
        char ts[24];
        char* p = digits(ts, r.year, 4);
        *p++ = '-';
        p = monthDayTime(p, r.month, r.day, r.hour, r.minute);
        *p++ = ':';
        p = digits(p, r.second, 2);
        *p++ = 'Z';
        j.string("timestamp", std::string_view(ts, static_cast<std::size_t>(p - ts)));
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
        // MM-DDThh:mmZ (the fields are at most 6 bits wide).
        char eta[16];
        char* p = monthDayTime(eta, r.month, r.day, r.hour, r.minute);
        *p++ = 'Z';
        j.string("eta", std::string_view(eta, static_cast<std::size_t>(p - eta)));
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
    void operator()(const SafetyBroadcast& r) const { j.string("text", r.text.view()); }
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

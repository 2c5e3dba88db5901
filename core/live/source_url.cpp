#include "core/live/source_url.h"

#include <QFileInfo>
#include <QStringList>
#include <QUrl>

namespace wake::live {

namespace {

Error badUrl(const QString& text, const QString& why)
{
    return Error{Error::Code::InvalidArgument,
                 QStringLiteral("'%1' is not a source URL: %2. Accepted forms:\n%3")
                     .arg(maskedSourceUrl(text), why, acceptedSourceForms()),
                 {}};
}

// "scheme://" then everything before the last '@' of the authority.
std::optional<std::pair<qsizetype, qsizetype>> userInfoSpan(const QString& text)
{
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0) {
        return std::nullopt;
    }
    const qsizetype begin = schemeEnd + 3;
    qsizetype end = text.indexOf(QLatin1Char('/'), begin);
    if (end < 0) {
        end = text.size();
    }
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < begin) {
        return std::nullopt;
    }
    return std::make_pair(begin, at);
}

// "HOST:PORT", "[v6]:PORT", ":PORT" or, when the port is optional, "HOST".
bool splitHostPort(const QString& rest, QString& host, std::optional<int>& port, QString& why)
{
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const int close = rest.indexOf(QLatin1Char(']'));
        if (close < 0) {
            why = QStringLiteral("an IPv6 address needs its closing ]");
            return false;
        }
        host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                why = QStringLiteral("expected :PORT after the address");
                return false;
            }
            portText = after.mid(1);
        }
    } else {
        const int colon = rest.lastIndexOf(QLatin1Char(':'));
        host = colon < 0 ? rest : rest.left(colon);
        if (colon >= 0) {
            portText = rest.mid(colon + 1);
        }
    }
    if (host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(' '))) {
        why = QStringLiteral("the host '%1' is not a name or an address").arg(host);
        return false;
    }
    if (!portText.isNull()) {
        bool ok = false;
        const int p = portText.toInt(&ok);
        if (!ok || p < 1 || p > 65535) {
            why = QStringLiteral("the port '%1' is not a number from 1 to 65535").arg(portText);
            return false;
        }
        port = p;
    }
    return true;
}

} // namespace

QString maskedSourceUrl(const QString& text)
{
    const auto span = userInfoSpan(text);
    if (!span) {
        return text;
    }
    const auto [begin, at] = *span;
    const qsizetype colon = text.indexOf(QLatin1Char(':'), begin);
    if (colon < 0 || colon > at) {
        // A user without a password may still be a secret (a token): masked too.
        return text.left(begin) + QStringLiteral("***") + text.mid(at);
    }
    return text.left(colon + 1) + QStringLiteral("***") + text.mid(at);
}

QByteArray SourceUrl::loginLines() const
{
    if (user.isEmpty() && password.isEmpty()) {
        return {};
    }
    QByteArray out = user.toUtf8() + "\r\n";
    if (!password.isEmpty()) {
        out += password.toUtf8() + "\r\n";
    }
    return out;
}

QString acceptedSourceForms()
{
    return QStringLiteral(
        "  tcp://HOST:PORT            connect to a NMEA server (10110 is usual); a login as\n"
        "                             tcp://USER:PASSWORD@HOST:PORT is sent after connecting\n"
        "  tcp-listen://[HOST]:PORT   accept senders\n"
        "  udp://[HOST]:PORT          listen for datagrams\n"
        "  gpsd://HOST[:PORT]         gpsd, port 2947 unless given\n"
        "  serial:DEVICE[?baud=N]     for example serial:/dev/ttyUSB0?baud=38400\n"
        "  file:PATH                  follow a growing log across rotation");
}

QString SourceUrl::displayName() const
{
    const QString hostPort =
        QStringLiteral("%1:%2").arg(host.isEmpty() ? QStringLiteral("*") : host).arg(port);
    switch (kind) {
    case Kind::TcpClient:
        return QStringLiteral("tcp ") + hostPort;
    case Kind::TcpListen:
        return QStringLiteral("tcp-listen ") + hostPort;
    case Kind::Udp:
        return QStringLiteral("udp ") + hostPort;
    case Kind::Gpsd:
        return QStringLiteral("gpsd ") + hostPort;
    case Kind::Serial:
        return QStringLiteral("serial %1").arg(path);
    case Kind::File:
        return QStringLiteral("file %1").arg(QFileInfo(path).fileName());
    }
    return text;
}

Result<SourceUrl> parseSourceUrl(const QString& input)
{
    const QString text = input.trimmed();
    SourceUrl url;
    url.text = maskedSourceUrl(text);
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return badUrl(text, QStringLiteral("it has no scheme"));
    }
    const QString scheme = text.left(colon).toLower();
    static const QStringList kSchemes = {QStringLiteral("tcp"),  QStringLiteral("tcp-listen"),
                                         QStringLiteral("udp"),  QStringLiteral("gpsd"),
                                         QStringLiteral("file"), QStringLiteral("serial")};
    if (!kSchemes.contains(scheme)) {
        const bool looksLikeHost = scheme.contains(QLatin1Char('.')) || scheme.toInt() > 0 ||
                                   scheme == QLatin1String("localhost");
        return badUrl(text,
                      looksLikeHost
                          ? QStringLiteral("it has no scheme")
                          : QStringLiteral("the scheme '%1' is not one Wake knows").arg(scheme));
    }
    QString why;
    if (scheme == QLatin1String("file") || scheme == QLatin1String("serial")) {
        QString rest = text.mid(colon + 1);
        if (rest.startsWith(QLatin1String("//"))) {
            rest = rest.mid(2); // file:///var/log/ais.log
        }
        if (scheme == QLatin1String("serial")) {
            url.kind = SourceUrl::Kind::Serial;
            const int query = rest.indexOf(QLatin1Char('?'));
            if (query >= 0) {
                const QString option = rest.mid(query + 1);
                rest = rest.left(query);
                bool ok = false;
                const int baud =
                    option.startsWith(QLatin1String("baud=")) ? option.mid(5).toInt(&ok) : 0;
                if (!ok || baud < 300 || baud > 4'000'000) {
                    return badUrl(text, QStringLiteral("the only option is baud=N, a speed "
                                                       "from 300 to 4000000"));
                }
                url.baud = baud;
            }
        } else {
            url.kind = SourceUrl::Kind::File;
        }
        if (rest.isEmpty()) {
            return badUrl(text, scheme == QLatin1String("file")
                                    ? QStringLiteral("it names no file")
                                    : QStringLiteral("it names no device"));
        }
        url.path = rest;
        return url;
    }
    if (!text.mid(colon).startsWith(QLatin1String("://"))) {
        return badUrl(text, QStringLiteral("'%1:' must be followed by //").arg(scheme));
    }
    QString rest = text.mid(colon + 3);
    if (const auto span = userInfoSpan(text)) {
        if (scheme != QLatin1String("tcp")) {
            return badUrl(text, QStringLiteral("only tcp:// sources take a user and password"));
        }
        const QString userInfo = text.mid(span->first, span->second - span->first);
        const qsizetype split = userInfo.indexOf(QLatin1Char(':'));
        url.user = QUrl::fromPercentEncoding(userInfo.left(split).toUtf8());
        url.password =
            split < 0 ? QString() : QUrl::fromPercentEncoding(userInfo.mid(split + 1).toUtf8());
        if (url.user.contains(QLatin1Char('\n')) || url.password.contains(QLatin1Char('\n')) ||
            url.user.contains(QLatin1Char('\r')) || url.password.contains(QLatin1Char('\r'))) {
            return badUrl(text, QStringLiteral("a user or password cannot hold a line break"));
        }
        rest = text.mid(span->second + 1);
        url.text = maskedSourceUrl(text);
    }
    std::optional<int> port;
    if (scheme == QLatin1String("tcp")) {
        url.kind = SourceUrl::Kind::TcpClient;
    } else if (scheme == QLatin1String("tcp-listen")) {
        url.kind = SourceUrl::Kind::TcpListen;
    } else if (scheme == QLatin1String("udp")) {
        url.kind = SourceUrl::Kind::Udp;
    } else {
        url.kind = SourceUrl::Kind::Gpsd;
        port = 2947;
    }
    if (!splitHostPort(rest, url.host, port, why)) {
        return badUrl(text, why);
    }
    if (!port) {
        return badUrl(text, QStringLiteral("it needs a port"));
    }
    const bool needsHost =
        url.kind == SourceUrl::Kind::TcpClient || url.kind == SourceUrl::Kind::Gpsd;
    if (needsHost && url.host.isEmpty()) {
        return badUrl(text, QStringLiteral("it needs a host to connect to"));
    }
    url.port = static_cast<std::uint16_t>(*port);
    return url;
}

} // namespace wake::live

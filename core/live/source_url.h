#pragma once

// Where live AIS comes from, as the user writes it:
//
//   tcp://[USER[:PASSWORD]@]HOST:PORT
//                              connect to a NMEA 0183 server (10110 is usual);
//                              USER and PASSWORD are sent after connecting

//   tcp-listen://[HOST]:PORT   accept senders (all addresses when HOST is empty)
//   udp://[HOST]:PORT          datagrams of one or more sentences
//   gpsd://HOST[:PORT]         gpsd (2947) after ?WATCH={"enable":true,"nmea":true}
//   serial:DEVICE[?baud=N]     a receiver on a serial port (38400 baud unless given)
//   file:PATH                  a growing log, followed like tail -F across rotation

#include "core/util/result.h"

#include <QString>

#include <cstdint>

namespace wake::live {

struct SourceUrl
{
    enum class Kind
    {
        TcpClient,
        TcpListen,
        Udp,
        Gpsd,
        Serial,
        File,
    };
    Kind kind = Kind::TcpClient;
    QString host; // empty: every local address (listen, udp)
    std::uint16_t port = 0;
    QString path; // serial device or followed file
    int baud = 38400;
    // tcp:// credentials, percent-decoded. They live only here: never in
    // text, a message, a log or the store.
    QString user;
    QString password;
    QString text; // as given, with the password masked ("tcp://ais:***@host:port")

    // The lines a tcp:// source sends right after connecting: the user, then
    // the password, each on its own line, as relays that prompt for a login
    // expect; a user alone is one line (a token feed: Spire's "A|T|TOKEN").
    QByteArray loginLines() const;

    // A short name for lists: "tcp 127.0.0.1:10110", "file ais.log".
    QString displayName() const;
};

Result<SourceUrl> parseSourceUrl(const QString& text);

// The URL as it may be shown or stored: any password in it masked, whether
// or not the rest parses.
QString maskedSourceUrl(const QString& text);

// The accepted forms, one per line, for error messages and --help.
QString acceptedSourceForms();

} // namespace wake::live

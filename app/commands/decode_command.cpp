// wake decode: AIS NMEA to gpsd-style JSON, one object per message.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/ais/decode_summary.h"
#include "core/ais/gpsd_json.h"
#include "core/ais/nmea_decoder.h"
#include "core/io/line_reader.h"
#include "core/util/bounded_queue.h"

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace wake::app {

namespace {

// Output is gathered and written in large blocks: one write per message would
// cost more than decoding it.
class BlockWriter
{
public:
    static constexpr std::size_t kFlushBytes = 1 << 20;
    std::string& buffer() { return m_buffer; }
    void maybeFlush()
    {
        if (m_buffer.size() >= kFlushBytes) {
            flush();
        }
    }
    void flush()
    {
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), stdout);
        m_buffer.clear();
    }

private:
    std::string m_buffer;
};

constexpr std::size_t kMessagesPerBatch = 4096;
constexpr std::size_t kQueuedBatches = 4;

} // namespace

int runDecodeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Decode AIS NMEA sentences (AIVDM/AIVDO) into JSON, one object per message, with gpsd's\n"
        "field names and scaling. A summary of what was read and rejected goes to standard "
        "error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("NMEA log to read; - reads standard input."),
                                 QStringLiteral("FILE..."));
    parser.addOption({{QStringLiteral("u"), QStringLiteral("unscaled")},
                      QStringLiteral("Print the raw integers of the message, like gpsdecode -u.")});
    parser.addOption({QStringLiteral("no-output"),
                      QStringLiteral("Decode only: print the summary, not the messages.")});
    const QString usage = QStringLiteral("wake decode [--unscaled] [--no-output] FILE...");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printError(
            QStringLiteral("no input: give one or more NMEA files, or - for standard input"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    const auto scale = parser.isSet(QStringLiteral("unscaled")) ? ais::JsonScale::Unscaled
                                                                : ais::JsonScale::Scaled;
    const bool print = !parser.isSet(QStringLiteral("no-output"));

    BlockWriter out;
    ais::DecodeStats total;
    bool failed = false;
    for (const QString& file : files) {
        auto reader = io::LineReader::open(file, ais::kMaxLineBytes);
        if (reportedFailure(reader)) {
            failed = true;
            continue;
        }
        const std::string device =
            file == QLatin1String("-") ? std::string("stdin") : file.toStdString();
        ais::NmeaDecoder decoder;
        std::string_view line;
        if (print) {
            // Decoding on this thread, formatting and writing on another: each
            // is about half the work, and the machine has two cores. An empty
            // batch ends the file.
            BoundedQueue<std::vector<ais::Message>> queue(kQueuedBatches);
            std::thread writer([&] {
                for (std::vector<ais::Message> batch = queue.pop(); !batch.empty();
                     batch = queue.pop()) {
                    for (const ais::Message& m : batch) {
                        ais::appendGpsdJson(out.buffer(), m, scale, device);
                    }
                    out.maybeFlush();
                }
            });
            std::vector<ais::Message> batch;
            batch.reserve(kMessagesPerBatch);
            while (reader->next(line)) {
                if (const ais::DecodedMessage* m = decoder.decodeLine(line)) {
                    batch.push_back(m->message);
                    if (batch.size() == kMessagesPerBatch) {
                        queue.push(std::move(batch));
                        batch = {};
                        batch.reserve(kMessagesPerBatch);
                    }
                }
            }
            if (!batch.empty()) {
                queue.push(std::move(batch));
            }
            queue.push({});
            writer.join();
        } else {
            while (reader->next(line)) {
                decoder.decodeLine(line);
            }
        }
        decoder.finish();
        if (!reader->error().isEmpty()) {
            printError(reader->path() + QStringLiteral(": ") + reader->error());
            failed = true;
        }
        printErr(reader->path() + QStringLiteral(": ") + ais::formatDecodeStats(decoder.stats()));
        total.merge(decoder.stats());
    }
    out.flush();
    std::fflush(stdout);
    if (files.size() > 1) {
        printErr(QStringLiteral("total: ") + ais::formatDecodeStats(total));
    }
    return failed ? kExitFailure : kExitOk;
}

} // namespace wake::app

// libFuzzer target for the two kinds of address a user types: live source
// URLs (tcp://USER:PASSWORD@HOST:PORT, file:, serial: ...) and database
// targets (a file, postgresql:// in any case, key=value, or neither). A
// password never shows in the text that is printed or stored.

#include "core/live/source_url.h"
#include "core/store/connection_target.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto url = wake::live::parseSourceUrl(text)) {
        if (!url->password.isEmpty() &&
            url->text.contains(QLatin1Char(':') + url->password + QLatin1Char('@'))) {
            __builtin_trap();
        }
        (void)url->displayName();
        (void)url->loginLines();
    } else if (url.error().message.isEmpty()) {
        __builtin_trap(); // every refusal says why
    }
    (void)wake::live::maskedSourceUrl(text);
    const auto target = wake::store::classifyTarget(text);
    if (target.kind == wake::store::ConnectionTarget::Kind::File &&
        text.trimmed().startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)) {
        __builtin_trap();
    }
    const QString masked = wake::store::maskedTarget(text);
    if (masked.contains(QLatin1String("password=s3cret"), Qt::CaseInsensitive)) {
        __builtin_trap();
    }
    return 0;
}

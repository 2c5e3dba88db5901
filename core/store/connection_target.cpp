#include "core/store/connection_target.h"

#include <QRegularExpression>

namespace wake::store {

namespace {

// "scheme://" at the start (RFC 3986 scheme characters), case as given.
QString uriScheme(const QString& text)
{
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const auto match = scheme.match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

bool isPostgresScheme(const QString& scheme)
{
    return scheme.compare(QLatin1String("postgresql"), Qt::CaseInsensitive) == 0 ||
           scheme.compare(QLatin1String("postgres"), Qt::CaseInsensitive) == 0;
}

bool isKeyValueTarget(const QString& text)
{
    static const QRegularExpression keyValue(QStringLiteral("^[A-Za-z_]+\\s*="));
    return keyValue.match(text).hasMatch();
}

} // namespace

ConnectionTarget classifyTarget(const QString& target)
{
    const QString text = target.trimmed();
    const QString scheme = uriScheme(text);
    if (isPostgresScheme(scheme)) {
        // libpq reads the scheme in lower case only.
        return {ConnectionTarget::Kind::Server, scheme.toLower() + text.mid(scheme.size()), scheme};
    }
    if (isKeyValueTarget(text)) {
        return {ConnectionTarget::Kind::Server, text, {}};
    }
    // Something that looks like a connection target is never made a file:
    // a misspelt scheme would otherwise become an SQLite file of that name.
    if (!scheme.isEmpty() || text.contains(QLatin1String("password="), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("dbname="), Qt::CaseInsensitive)) {
        return {ConnectionTarget::Kind::NotATarget, text, scheme};
    }
    return {ConnectionTarget::Kind::File, target, {}};
}

QString maskedTarget(const QString& target)
{
    QString out = target;
    // postgresql://user:secret@host -> postgresql://user:***@host
    static const QRegularExpression uriPassword(QStringLiteral("^([^:/]*://[^:/@]*:)[^@/]*@"));
    out.replace(uriPassword, QStringLiteral("\\1***@"));
    // password=secret, password = 'a b', PASSWORD=...
    static const QRegularExpression keyPassword(
        QStringLiteral("(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S*)"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(keyPassword, QStringLiteral("\\1***"));
    // ?password=secret in a URI's query
    static const QRegularExpression queryPassword(QStringLiteral("([?&]password=)[^&]*"),
                                                  QRegularExpression::CaseInsensitiveOption);
    out.replace(queryPassword, QStringLiteral("\\1***"));
    return out;
}

} // namespace wake::store

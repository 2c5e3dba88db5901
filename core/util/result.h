#pragma once

// Errors as values: nothing in wake_core throws across its API. A Result holds
// either a value or an Error that says what went wrong and where.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace wake {

struct Error
{
    enum class Code
    {
        Io,       // a file could not be read or written
        NotFound, // the thing asked for does not exist
        Format,   // input is not in the expected format
        NotWake,  // a SQLite file that is not a Wake database
        Damaged,  // a Wake database that SQLite reports as corrupt
        TooNew,   // a database written by a newer Wake
        Database, // any other SQLite failure
        InvalidArgument,
    };

    Code code = Code::Io;
    QString message; // one sentence a user can act on
    QString where;   // file, line or record the error is about (may be empty)

    QString toString() const { return where.isEmpty() ? message : where + ": " + message; }
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_data); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace wake

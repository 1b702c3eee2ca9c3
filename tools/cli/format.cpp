// `parley-cli format [--check] PATH...`: put content files in canonical form (format reference
// §6.1), or with --check list the ones that are not. A file with errors is reported and left
// as it is; a rewrite replaces the file atomically (temporary file, fsync, rename), so a file is
// never left half written.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/writer.h"

namespace parley::cli {

namespace fs = std::filesystem;

namespace {

struct FormatOptions {
    std::vector<std::string> paths;
    bool check = false;
};

std::string display(const fs::path& p) { return p.lexically_normal().generic_string(); }

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Writes `text` over the file: a temporary file beside it (same folder, so the rename cannot
// cross file systems) with the original's permissions, synced, renamed over the original, then
// the folder synced so the rename itself is durable. Returns an error message, or "".
std::string replace_file(const fs::path& named, const std::string& text) {
    // A symbolic link stays a link: the file it points to is the one replaced.
    std::error_code ec;
    const fs::path file = fs::is_symlink(named, ec) ? fs::canonical(named, ec) : named;
    if (ec) return "cannot follow the link: " + ec.message();
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const fs::path tmp = dir / ("." + file.filename().string() + ".format-" + std::to_string(::getpid()));
    struct stat st {};
    const mode_t mode = ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    auto fail = [&](const char* what) {
        const std::string message = std::string(what) + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(tmp.c_str());
        return message;
    };
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, mode) != 0) return fail("cannot set permissions");  // whatever the umask
    if (::fsync(fd) != 0) return fail("cannot sync");
    if (::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return std::string("cannot close: ") + std::strerror(errno);
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const std::string message = std::string("cannot replace it: ") + std::strerror(errno);
        ::unlink(tmp.c_str());
        return message;
    }
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return "";
}

int run_format(const FormatOptions& o) {
    Diagnostics diags;
    const std::vector<CanonicalFile> files = canonical_files({o.paths.begin(), o.paths.end()}, diags);
    // Errors only: a warning (an unreachable node, say) does not stop a file from being formatted.
    for (const auto& d : diags.items)
        if (d.severity == Severity::Error) std::cout << format(d) << '\n';

    std::size_t with_errors = 0, changed = 0, failed = 0;
    for (const auto& f : files) {
        if (!f.canonical) {
            ++with_errors;
            continue;
        }
        if (*f.canonical == f.text) continue;
        ++changed;
        if (o.check) {
            std::cout << display(f.file) << '\n';
            continue;
        }
        const std::string error = replace_file(f.file, *f.canonical);
        if (error.empty()) {
            std::cout << "formatted " << display(f.file) << '\n';
        } else {
            ++failed;
            std::cout << display(f.file) << ": error: " << error << '\n';
        }
    }
    // Errors about paths that gave no file (a folder that cannot be read) count too.
    const bool errors = with_errors > 0 || diags.errors() > 0 || failed > 0;

    std::cout << "format: " << plural(files.size(), "file") << ", ";
    if (o.check) std::cout << changed << " not in canonical form";
    else std::cout << (changed - failed) << " rewritten";
    std::cout << ", " << with_errors << " with errors" << (failed ? ", " + std::to_string(failed) + " not written" : "")
              << '\n';
    if (errors) return kExitFailure;
    return o.check && changed > 0 ? kExitFailure : 0;
}

}  // namespace

void register_format(CLI::App& app) {
    auto o = std::make_shared<FormatOptions>();
    auto* cmd = app.add_subcommand(
        "format", "Rewrite content files in canonical form (--check: list those that are not)");
    cmd->add_option("paths", o->paths, "Content files or folders (scenarios, personas, competencies)")
        ->required()
        ->check(CLI::ExistingPath);
    cmd->add_flag("--check", o->check, "Rewrite nothing: list the files not in canonical form, exit 1 if any");
    cmd->callback([o] { finish(run_format(*o)); });
}

}  // namespace parley::cli

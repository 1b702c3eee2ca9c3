#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace parley::editor {

namespace fs = std::filesystem;

std::string write_file_atomically(const fs::path& named, std::string_view text, WriteFault fault) {
    std::error_code ec;
    const bool link = fs::is_symlink(fs::symlink_status(named, ec));   // a new file is no link
    ec.clear();
    const fs::path file = link ? fs::canonical(named, ec) : named;
    if (ec) return "cannot follow the link: " + ec.message();
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const fs::path tmp = dir / ("." + file.filename().string() + ".save-" + std::to_string(::getpid()));
    struct stat st {};
    const mode_t mode = ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    ::unlink(tmp.c_str());   // a leftover of an earlier crash of this process id
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    auto fail = [&](const std::string& what, int err) {
        const std::string message = what + ": " + std::strerror(err);
        ::close(fd);
        ::unlink(tmp.c_str());
        return message;
    };
    // A simulated fault writes half the text first, as a full disk would.
    const std::size_t limit = fault == WriteFault::Write ? text.size() / 2 : text.size();
    for (std::size_t done = 0; done < limit;) {
        const ssize_t n = ::write(fd, text.data() + done, limit - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write", errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (fault == WriteFault::Write) return fail("cannot write", ENOSPC);
    if (::fchmod(fd, mode) != 0) return fail("cannot set permissions", errno);
    if (fault == WriteFault::Sync) return fail("cannot sync", EIO);
    if (::fsync(fd) != 0) return fail("cannot sync", errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return std::string("cannot close: ") + std::strerror(err);
    }
    if (fault == WriteFault::Rename || ::rename(tmp.c_str(), file.c_str()) != 0) {
        const int err = fault == WriteFault::Rename ? EACCES : errno;
        ::unlink(tmp.c_str());
        return std::string("cannot replace it: ") + std::strerror(err);
    }
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return "";
}

std::optional<std::string> read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

std::uint64_t bytes_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace parley::editor

package org.huiying.server.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.ArticleStatus;
import org.huiying.kb.InvalidQueryException;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.MarkdownImport;
import org.huiying.kb.SearchHit;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.SearchResult;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/kb/**}: search for staff, article lifecycle for experts and admins, import for admins. */
@RestController
class KnowledgeController {

    private final KnowledgeBase kb;
    private final Articles articles;
    private final DictionaryReloader dictionary;
    private final Path dataDir;
    private final Clock clock;

    KnowledgeController(KnowledgeBase kb, Articles articles, DictionaryReloader dictionary, HuiyingProperties huiying,
            Clock clock) {
        this.kb = kb;
        this.articles = articles;
        this.dictionary = dictionary;
        this.dataDir = huiying.dataDir();
        this.clock = clock;
    }

    record SearchView(long total, List<SearchHit> hits) {
    }

    record ImportView(int imported, List<ArticleImport.LineError> errors) {
    }

    record MarkdownImportView(int imported, Map<String, String> errors) {
    }

    record ArticleSummary(String id, String title, String category, List<String> tags, ArticleStatus status, int version) {
        static ArticleSummary of(Article a) {
            return new ArticleSummary(a.id(), a.title(), a.category(), a.tags(), a.status(), a.version());
        }
    }

    record ArticleBody(String id, String title, String body, String category, List<String> tags, List<String> vehicleModels) {
        Article toArticle(String fixedId) {
            try {
                return new Article(fixedId != null ? fixedId : id, title, body, category, tags, vehicleModels,
                        ArticleStatus.DRAFT, 1, null);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_article", e.getMessage());
            }
        }
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/kb/search")
    SearchView search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "10") int size,
            @RequestParam(required = false) String category, @RequestParam(required = false) String model,
            @RequestParam(required = false) ArticleStatus status, Authentication auth) {
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw ApiException.badRequest("invalid_size", "size: 1 to " + SearchRequest.MAX_SIZE);
        }
        if (status != null && status != ArticleStatus.PUBLISHED) {
            requireAuthor(auth);
        }
        try {
            SearchResult r = kb.search(new SearchRequest(q, size, category, model, status));
            return new SearchView(r.total(), r.hits());
        } catch (InvalidQueryException e) {
            throw ApiException.badRequest(q.isBlank() ? "empty_query" : "query_too_long", e.getMessage());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping(path = "/api/kb/import", consumes = {"application/x-ndjson", "application/json", "text/plain"})
    ImportView importLines(@RequestBody(required = false) String body, Authentication auth) {
        requireRole(auth, "ADMIN");
        ArticleImport.Parsed parsed = ArticleImport.ndjson(body == null ? "" : body, clock.instant());
        return new ImportView(articles.importAll(parsed.articles()), parsed.errors());
    }

    /** Imports a folder of Markdown files inside the data dir, e.g. {@code {"folder":"kb/import"}}. */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/api/kb/import/markdown")
    MarkdownImportView importMarkdown(@RequestBody Map<String, String> body, Authentication auth) {
        requireRole(auth, "ADMIN");
        String folder = body.getOrDefault("folder", "");
        Path path = dataDir.resolve(folder).normalize();
        if (folder.isBlank() || !path.startsWith(dataDir) || !path.toFile().isDirectory()) {
            throw ApiException.badRequest("invalid_folder", "folder: a directory inside the data dir " + dataDir);
        }
        MarkdownImport.Parsed parsed = MarkdownImport.folder(path, clock.instant());
        return new MarkdownImportView(articles.importAll(parsed.articles()), parsed.errors());
    }

    /** Drafts and retired articles (a draft may still quote a question) only for those who write articles. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/kb/articles")
    List<ArticleSummary> list(@RequestParam(defaultValue = "PUBLISHED") ArticleStatus status, Authentication auth) {
        if (status != ArticleStatus.PUBLISHED) {
            requireAuthor(auth);
        }
        return kb.list(status).stream().map(ArticleSummary::of).toList();
    }

    /** An unpublished article answers 404 to anyone who does not write articles, like a missing one. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/kb/articles/{id}")
    Article get(@PathVariable String id, Authentication auth) {
        return articles.find(id).filter(a -> a.status() == ArticleStatus.PUBLISHED || isAuthor(auth))
                .orElseThrow(() -> ApiException.notFound("article " + id));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/kb/articles/{id}/versions")
    List<Article> versions(@PathVariable String id, Authentication auth) {
        requireAuthor(auth);
        return articles.versions(id);
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/kb/articles")
    @ResponseStatus(HttpStatus.CREATED)
    Article create(@RequestBody ArticleBody body, Authentication auth) {
        requireAuthor(auth);
        return articles.create(body.toArticle(null));
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PutMapping("/api/kb/articles/{id}")
    Article update(@PathVariable String id, @RequestBody ArticleBody body, Authentication auth) {
        requireAuthor(auth);
        return articles.update(id, body.toArticle(id));
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/kb/articles/{id}/publish")
    Article publish(@PathVariable String id, Authentication auth) {
        requireAuthor(auth);
        return articles.move(id, ArticleStatus.PUBLISHED);
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/kb/articles/{id}/retire")
    Article retire(@PathVariable String id, Authentication auth) {
        requireAuthor(auth);
        return articles.move(id, ArticleStatus.RETIRED);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/api/kb/articles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Authentication auth) {
        requireRole(auth, "ADMIN");
        articles.delete(id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/api/kb/synonyms/reload")
    Map<String, Integer> reloadSynonyms(Authentication auth) {
        requireRole(auth, "ADMIN");
        SynonymDictionary loaded = dictionary.reload();
        return Map.of("groups", loaded.groups().size(), "entries", loaded.entryCount());
    }

    private static void requireRole(Authentication auth, String role) {
        if (!CurrentStaff.of(auth).has(role)) {
            throw ApiException.forbidden("Only " + role.toLowerCase() + "s may do this.");
        }
    }

    private static void requireAuthor(Authentication auth) {
        if (!isAuthor(auth)) {
            throw ApiException.forbidden("Only experts, supervisors and admins write articles.");
        }
    }

    private static boolean isAuthor(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        return me.has("ADMIN") || me.has("EXPERT") || me.has("SUPERVISOR");
    }
}

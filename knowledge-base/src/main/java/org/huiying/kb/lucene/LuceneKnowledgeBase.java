package org.huiying.kb.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleJson;
import org.huiying.kb.ArticleStatus;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SearchHit;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.SearchResult;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.search.AnalysedArticle;
import org.huiying.kb.search.ArticleFields;
import org.huiying.kb.search.SearchPlan;
import org.huiying.kb.search.Snippets;

/**
 * The embedded backend: a Lucene index in a directory (under the data dir in production, in
 * memory for tests and benchmarks). Every write is committed and made searchable before it
 * returns; readers never block writers.
 */
public final class LuceneKnowledgeBase implements KnowledgeBase {

    private static final String ID_SORT = "id_sort";
    private static final Sort BY_ID = new Sort(new SortField(ID_SORT, SortField.Type.STRING));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ChineseAnalysis analysis;
    private final Snippets snippets;

    public LuceneKnowledgeBase(Directory directory, ChineseAnalysis analysis) {
        this.directory = directory;
        this.analysis = analysis;
        this.snippets = new Snippets(analysis);
        try {
            // The analysed fields arrive as space-separated terms: the chain already ran in-process.
            this.writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
            this.writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index in {@code dir} (created if missing). */
    public static LuceneKnowledgeBase open(Path dir, ChineseAnalysis analysis) {
        try {
            return new LuceneKnowledgeBase(FSDirectory.open(dir), analysis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LuceneKnowledgeBase inMemory(ChineseAnalysis analysis) {
        return new LuceneKnowledgeBase(new ByteBuffersDirectory(), analysis);
    }

    @Override
    public void saveAll(Collection<Article> articles) {
        try {
            for (AnalysedArticle analysed : AnalysedArticle.all(articles, analysis)) {
                writer.updateDocument(new Term(ArticleFields.ID, analysed.article().id()), document(analysed));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Article> find(String id) {
        List<Article> found = collect(new TermQuery(new Term(ArticleFields.ID, id)), 1);
        return found.stream().findFirst();
    }

    @Override
    public boolean delete(String id) {
        try {
            boolean existed = find(id).isPresent();
            writer.deleteDocuments(new Term(ArticleFields.ID, id));
            writer.commit();
            searchers.maybeRefreshBlocking();
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Article> list(ArticleStatus status) {
        return collect(new TermQuery(new Term(ArticleFields.STATUS, status.name())), Integer.MAX_VALUE);
    }

    @Override
    public long count() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return search(request, true);
    }

    /** Suggestions show titles only: no snippets to highlight. */
    @Override
    public SearchResult searchWithoutSnippets(SearchRequest request) {
        return search(request, false);
    }

    private SearchResult search(SearchRequest request, boolean highlight) {
        SearchPlan plan = SearchPlan.of(request, analysis);
        if (plan.isEmpty()) {
            return SearchResult.EMPTY;
        }
        Query query = LuceneQueries.toQuery(plan, request);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // Ranked by score alone so Lucene can skip documents that cannot make the top
                // (block-max WAND); ties are then broken by id over a few extra candidates. The ids
                // come from doc values: only the articles that make the cut are read and parsed.
                TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(
                        request.size() + SearchResult.TIE_MARGIN, null, SearchResult.TOTAL_LIMIT, false));
                Map<String, Integer> docById = new HashMap<>();
                List<SearchHit> candidates = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    String id = idOf(searcher, sd.doc);
                    docById.put(id, sd.doc);
                    candidates.add(new SearchHit(id, null, sd.score, null));
                }
                List<SearchHit> hits = new ArrayList<>();
                for (SearchHit best : SearchResult.best(candidates, request.size())) {
                    int doc = docById.get(best.id());
                    if (highlight) {
                        Article a = read(searcher, doc);
                        hits.add(new SearchHit(a.id(), a.title(), best.score(), snippets.highlight(a.body(), plan)));
                    } else {
                        hits.add(new SearchHit(best.id(), title(searcher, best.id(), doc), best.score(), null));
                    }
                }
                return new SearchResult(Math.min(top.totalHits.value, SearchResult.TOTAL_LIMIT), hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Titles by article id, read once per index version: a suggestion shows only the title, and
     * decompressing and parsing the whole stored article was a third of what a suggestion cost.
     */
    private record Titles(IndexReader reader, Map<String, String> byId) {
    }

    private volatile Titles titles = new Titles(null, Map.of());

    private String title(IndexSearcher searcher, String id, int doc) throws IOException {
        Titles current = titles;
        if (current.reader() != searcher.getIndexReader()) {
            // another index version: titles read from the old one may have changed since
            current = new Titles(searcher.getIndexReader(), new ConcurrentHashMap<>());
            titles = current;
        }
        String known = current.byId().get(id);
        if (known == null) {
            known = read(searcher, doc).title();
            current.byId().put(id, known);
        }
        return known;
    }

    private static String idOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), ID_SORT);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Article document " + doc + " has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    @Override
    public void reindex() {
        saveAll(collect(new MatchAllDocsQuery(), Integer.MAX_VALUE));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Article> collect(Query query, int max) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int n = Math.max(1, Math.min(max, Math.max(1, searcher.getIndexReader().numDocs())));
                TopDocs top = searcher.search(query, n, BY_ID);
                List<Article> out = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    out.add(read(searcher, sd.doc));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Article read(IndexSearcher searcher, int doc) throws IOException {
        return ArticleJson.read(searcher.storedFields().document(doc).get(ArticleFields.SOURCE));
    }

    private static Document document(AnalysedArticle analysed) {
        Article a = analysed.article();
        Document doc = new Document();
        doc.add(new StringField(ArticleFields.ID, a.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(a.id())));
        doc.add(new StringField(ArticleFields.STATUS, a.status().name(), Field.Store.NO));
        doc.add(new StringField(ArticleFields.CATEGORY, a.category(), Field.Store.NO));
        for (String model : analysed.models()) {
            doc.add(new StringField(ArticleFields.MODEL, model, Field.Store.NO));
        }
        analysed.analysedFields().forEach((name, terms) -> doc.add(new TextField(name, terms, Field.Store.NO)));
        doc.add(new StoredField(ArticleFields.SOURCE, ArticleJson.write(a)));
        return doc;
    }

    /** The plan's clauses as Lucene queries, one to one. */
    static final class LuceneQueries {

        private LuceneQueries() {
        }

        static Query toQuery(SearchPlan plan, SearchRequest request) {
            BooleanQuery.Builder scoring = new BooleanQuery.Builder();
            for (SearchPlan.Clause clause : plan.clauses()) {
                scoring.add(clause(clause), Occur.SHOULD);
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(scoring.setMinimumNumberShouldMatch(1).build(), Occur.MUST)
                    .add(new TermQuery(new Term(ArticleFields.STATUS, request.status().name())), Occur.FILTER);
            if (request.category() != null) {
                query.add(new TermQuery(new Term(ArticleFields.CATEGORY, request.category())), Occur.FILTER);
            }
            if (request.vehicleModel() != null) {
                query.add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(ArticleFields.MODEL, request.vehicleModel())), Occur.SHOULD)
                        .add(new TermQuery(new Term(ArticleFields.MODEL, ArticleFields.ALL_MODELS)), Occur.SHOULD)
                        .build(), Occur.FILTER);
            }
            return query.build();
        }

        private static Query clause(SearchPlan.Clause clause) {
            if (clause instanceof SearchPlan.TermClause t) {
                return new BoostQuery(new TermQuery(new Term(t.field(), t.term())), t.boost());
            }
            SearchPlan.PhraseClause p = (SearchPlan.PhraseClause) clause;
            return new BoostQuery(new PhraseQuery(p.slop(), p.field(), p.terms().toArray(String[]::new)), p.boost());
        }
    }
}

package org.huiying.kb.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
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
import org.huiying.kb.SearchRequest;
import org.huiying.kb.SearchResult;
import org.huiying.kb.SemanticStatus;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.search.AnalysedArticle;
import org.huiying.kb.search.ArticleFields;
import org.huiying.kb.search.EmbeddedArticles;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.search.HybridSearch;
import org.huiying.kb.search.SearchPlan;
import org.huiying.kb.semantic.SemanticModel;

/**
 * The embedded backend: a Lucene index in a directory (under the data dir in production, in
 * memory for tests and benchmarks). Every write is committed and made searchable before it
 * returns; readers never block writers.
 *
 * <p>An article is one document; each of its passages is another document right after it, holding
 * the passage's vector (HNSW, {@link KnnFloatVectorField}) and copies of the article's filter
 * values, so a vector search filters like a word search. The commit's user data records which
 * model made the vectors ({@link SemanticModel#signature()}).
 */
public final class LuceneKnowledgeBase implements KnowledgeBase {

    private static final String ID_SORT = "id_sort";
    private static final Sort BY_ID = new Sort(new SortField(ID_SORT, SortField.Type.STRING));
    /** Only article documents carry the id's doc values: this query finds articles, not passages. */
    private static final Query ARTICLES = new FieldExistsQuery(ID_SORT);
    private static final String P_OF = "p_of";
    private static final String P_OF_SORT = "p_of_sort";
    private static final String P_ORDINAL = "p_n";
    private static final String P_STATUS = "p_status";
    private static final String P_CATEGORY = "p_category";
    private static final String P_MODEL = "p_model";
    private static final String P_VECTOR = "p_vector";
    static final String SIGNATURE = "huiying.embedding";
    private static final int REEMBED_BATCH = 200;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ChineseAnalysis analysis;
    private final SemanticModel model;
    private final HybridSearch hybrid;
    /** What the vectors in the index were made with; differs from the model's while stale. */
    private volatile String indexedWith;
    private final AtomicLong reembedded = new AtomicLong();
    private volatile long reembedTotal;

    public LuceneKnowledgeBase(Directory directory, ChineseAnalysis analysis) {
        this(directory, analysis, SemanticModel.none("no embedding model configured"), Fusion.DEFAULT);
    }

    public LuceneKnowledgeBase(Directory directory, ChineseAnalysis analysis, SemanticModel model, Fusion fusion) {
        this.directory = directory;
        this.analysis = analysis;
        this.model = model;
        this.hybrid = new HybridSearch(analysis, fusion);
        try {
            // The analysed fields arrive as space-separated terms: the chain already ran in-process.
            this.writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
            boolean empty = writer.getDocStats().numDocs == 0;
            String stored = storedSignature(directory);
            this.indexedWith = empty ? model.signature() : stored;
            commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index in {@code dir} (created if missing), words only. */
    public static LuceneKnowledgeBase open(Path dir, ChineseAnalysis analysis) {
        return open(dir, analysis, SemanticModel.none("no embedding model configured"));
    }

    public static LuceneKnowledgeBase open(Path dir, ChineseAnalysis analysis, SemanticModel model) {
        try {
            return new LuceneKnowledgeBase(FSDirectory.open(dir), analysis, model, Fusion.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LuceneKnowledgeBase inMemory(ChineseAnalysis analysis) {
        return new LuceneKnowledgeBase(new ByteBuffersDirectory(), analysis);
    }

    public static LuceneKnowledgeBase inMemory(ChineseAnalysis analysis, SemanticModel model, Fusion fusion) {
        return new LuceneKnowledgeBase(new ByteBuffersDirectory(), analysis, model, fusion);
    }

    private static String storedSignature(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return SemanticModel.NO_VECTORS;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData().getOrDefault(SIGNATURE, SemanticModel.NO_VECTORS);
        }
    }

    @Override
    public void saveAll(Collection<Article> articles) {
        EmbeddedArticles embedded = EmbeddedArticles.of(articles, analysis, model.embedder().orElse(null));
        try {
            for (int i = 0; i < embedded.size(); i++) {
                AnalysedArticle analysed = embedded.analysed().get(i);
                String id = analysed.article().id();
                List<Document> block = new ArrayList<>();
                block.add(document(analysed));
                List<float[]> vectors = embedded.vectors().get(i);
                for (int n = 0; n < vectors.size(); n++) {
                    block.add(passage(analysed, n, vectors.get(n)));
                }
                // deletes apply to what was added before them: the old passages go, the new stay
                writer.deleteDocuments(new Term(P_OF, id));
                writer.updateDocuments(new Term(ArticleFields.ID, id), block);
            }
            if (!model.available()) {
                indexedWith = SemanticModel.NO_VECTORS; // these articles have no vectors
            }
            commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SIGNATURE, indexedWith).entrySet());
        writer.commit();
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
            writer.deleteDocuments(new Term(ArticleFields.ID, id), new Term(P_OF, id));
            commit();
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
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(ARTICLES);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return search(request, true);
    }

    /** Suggestions show titles and passages only: no snippets to highlight. */
    @Override
    public SearchResult searchWithoutSnippets(SearchRequest request) {
        return search(request, false);
    }

    private SearchResult search(SearchRequest request, boolean highlight) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return hybrid.search(request, new View(searcher), vectorsUsable() ? model.embedder().get() : null,
                        highlight);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean vectorsUsable() {
        return model.available() && model.signature().equals(indexedWith);
    }

    @Override
    public SemanticStatus semanticStatus() {
        if (!model.available()) {
            return SemanticStatus.lexical(model.reason());
        }
        String id = model.embedder().get().modelId();
        return vectorsUsable() ? SemanticStatus.hybrid(id) : SemanticStatus.reembedding(id, reembedded.get(), reembedTotal);
    }

    @Override
    public synchronized long reembedIfStale() {
        if (!model.available() || vectorsUsable()) {
            return 0;
        }
        List<Article> everything = collect(ARTICLES, Integer.MAX_VALUE);
        reembedTotal = everything.size();
        reembedded.set(0);
        for (int from = 0; from < everything.size(); from += REEMBED_BATCH) {
            List<Article> batch = everything.subList(from, Math.min(everything.size(), from + REEMBED_BATCH));
            // a batch re-read: an article saved meanwhile is not overwritten with its older version
            List<Article> current = batch.stream().map(a -> find(a.id())).flatMap(Optional::stream).toList();
            saveAll(current);
            reembedded.addAndGet(batch.size());
        }
        indexedWith = model.signature();
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return everything.size();
    }

    /** One view of the index answering a hybrid search's questions. */
    private final class View implements HybridSearch.Index {

        private final IndexSearcher searcher;

        View(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        @Override
        public HybridSearch.Lexical lexical(SearchPlan plan, SearchRequest request, int n) {
            try {
                // Ranked by score alone so Lucene can skip documents that cannot make the top
                // (block-max WAND); ties are then broken by id. The ids come from doc values.
                TopDocs top = searcher.search(LuceneQueries.toQuery(plan, request),
                        new TopScoreDocCollectorManager(n, null, SearchResult.TOTAL_LIMIT, false));
                List<Fusion.Ranked> ranked = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    ranked.add(new Fusion.Ranked(sortedValue(searcher, sd.doc, ID_SORT), sd.score));
                }
                ranked.sort(java.util.Comparator.comparingDouble(Fusion.Ranked::score).reversed()
                        .thenComparing(Fusion.Ranked::id));
                return new HybridSearch.Lexical(Math.min(top.totalHits.value, SearchResult.TOTAL_LIMIT), ranked);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<Fusion.Nearest> nearest(float[] query, SearchRequest request, int k) {
            try {
                // Several passages of one article may be near: ask for more, keep each article's best.
                TopDocs top = searcher.search(new KnnFloatVectorQuery(P_VECTOR, query, k * 3, passageFilter(request)),
                        k * 3);
                Map<String, Fusion.Nearest> best = new LinkedHashMap<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    String id = sortedValue(searcher, sd.doc, P_OF_SORT);
                    // DOT_PRODUCT scores (1 + cos) / 2
                    double similarity = 2.0 * sd.score - 1.0;
                    Fusion.Nearest candidate = new Fusion.Nearest(id, similarity, (int) ordinal(sd.doc));
                    best.merge(id, candidate, (a, b) -> a.similarity() >= b.similarity() ? a : b);
                }
                return Fusion.ordered(new ArrayList<>(best.values())).stream().limit(k).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, Article> articles(Collection<String> ids) {
            Map<String, Article> out = new HashMap<>();
            try {
                for (String id : ids) {
                    TopDocs top = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 1);
                    if (top.scoreDocs.length > 0) {
                        out.put(id, read(searcher, top.scoreDocs[0].doc));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        private long ordinal(int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), P_ORDINAL);
            return values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
        }
    }

    private static Query passageFilter(SearchRequest request) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(P_STATUS, request.status().name())), Occur.FILTER);
        if (request.category() != null) {
            filter.add(new TermQuery(new Term(P_CATEGORY, request.category())), Occur.FILTER);
        }
        if (request.vehicleModel() != null) {
            filter.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(P_MODEL, request.vehicleModel())), Occur.SHOULD)
                    .add(new TermQuery(new Term(P_MODEL, ArticleFields.ALL_MODELS)), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        return filter.build();
    }

    private static String sortedValue(IndexSearcher searcher, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), field);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Document " + doc + " has no " + field);
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    @Override
    public void reindex() {
        saveAll(collect(ARTICLES, Integer.MAX_VALUE));
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

    private static Document passage(AnalysedArticle analysed, int ordinal, float[] vector) {
        Article a = analysed.article();
        Document doc = new Document();
        doc.add(new StringField(P_OF, a.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(P_OF_SORT, new BytesRef(a.id())));
        doc.add(new NumericDocValuesField(P_ORDINAL, ordinal));
        doc.add(new StringField(P_STATUS, a.status().name(), Field.Store.NO));
        doc.add(new StringField(P_CATEGORY, a.category(), Field.Store.NO));
        for (String m : analysed.models()) {
            doc.add(new StringField(P_MODEL, m, Field.Store.NO));
        }
        doc.add(new KnnFloatVectorField(P_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
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

package org.huiying.kb.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.huiying.kb.Article;

/**
 * A plain Lucene index with one stock analyzer over title (boost 3), tags (2) and body (1), BM25,
 * no synonyms, no phrase boost: the baselines our chain is measured against.
 */
final class BaselineIndex implements AutoCloseable {

    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    BaselineIndex(Analyzer analyzer, List<Article> articles) {
        this.analyzer = analyzer;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Article a : articles) {
                Document doc = new Document();
                doc.add(new StringField("id", a.id(), Field.Store.YES));
                doc.add(new TextField("title", a.title(), Field.Store.NO));
                doc.add(new TextField("tags", String.join("，", a.tags()), Field.Store.NO));
                doc.add(new TextField("body", a.body(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> search(String text) {
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String term : terms(text)) {
                q.add(new BoostQuery(new TermQuery(new Term("title", term)), 3f), Occur.SHOULD);
                q.add(new BoostQuery(new TermQuery(new Term("tags", term)), 2f), Occur.SHOULD);
                q.add(new TermQuery(new Term("body", term)), Occur.SHOULD);
            }
            List<String> ids = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q.build(), 10).scoreDocs) {
                ids.add(searcher.storedFields().document(sd.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> terms(String text) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}

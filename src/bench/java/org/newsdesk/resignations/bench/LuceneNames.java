package org.newsdesk.resignations.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.newsdesk.resignations.search.Normalizer;

/**
 * What a developer would use instead of our index: Lucene, with the same keys folded by the
 * same {@link Normalizer} (so Arabic spelling variants meet as in ours), one in-memory segment,
 * {@link FuzzyQuery} with two edits per term and every term required, and {@link PrefixQuery}
 * for autocomplete.
 */
public final class LuceneNames implements AutoCloseable {

    private static final String KEY = "k";
    private static final String ID = "id";

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final StoredFields stored;

    public LuceneNames(List<NameCorpus.Person> people) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(512);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < people.size(); i++) {
                    Document d = new Document();
                    d.add(new StoredField(ID, i));
                    for (String key : people.get(i).keys()) {
                        d.add(new TextField(KEY, Normalizer.normalize(key), Field.Store.NO));
                    }
                    w.addDocument(d);
                }
                w.forceMerge(1);
            }
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            stored = reader.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every word within two edits (FuzzyQuery's default expansions and transpositions), all required. */
    public TopDocs fuzzy(String query, int limit) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String token : Normalizer.tokens(query)) {
            b.add(new FuzzyQuery(new Term(KEY, token), 2), BooleanClause.Occur.MUST);
        }
        return search(b.build(), limit);
    }

    /** The words typed so far, the last one as a prefix. */
    public TopDocs prefix(String query, int limit) {
        String[] tokens = Normalizer.tokens(query);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < tokens.length; i++) {
            Term t = new Term(KEY, tokens[i]);
            b.add(i == tokens.length - 1 ? new PrefixQuery(t) : new TermQuery(t), BooleanClause.Occur.MUST);
        }
        return search(b.build(), limit);
    }

    /** The person of the first hit, or -1. */
    public int top(TopDocs hits) {
        if (hits.scoreDocs.length == 0) {
            return -1;
        }
        try {
            return stored.document(hits.scoreDocs[0].doc).getField(ID).numericValue().intValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TopDocs search(Query q, int limit) {
        try {
            return searcher.search(q, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

import Link from 'next/link';
import styles from '@/components/home/home.module.css';

export default function NotFound() {
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Page not found</h1>
        <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
        <Link className="button button-primary" href="/">
          Go to the home page
        </Link>
      </section>
    </div>
  );
}

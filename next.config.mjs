/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static site: every page is prerendered at build time and served by any static server.
  output: 'export',
  // `/learn/x/` is written as `learn/x/index.html`, which plain static servers map without rules.
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  // `npm test` runs `tsc --noEmit` over the whole repo before building; checking again here
  // would only repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
